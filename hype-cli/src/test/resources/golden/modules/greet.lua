leaked = true
module.exports = function(name) return "hello, " .. name end
