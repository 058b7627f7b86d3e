return { square = function(n) return n * n end }
