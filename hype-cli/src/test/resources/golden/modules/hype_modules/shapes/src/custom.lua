return { square = function(n) return "custom " .. n * n end }
