exports.name = "a (partial)"
local b = require("./cycle-b")
exports.name = "a"
exports.b_saw = b.saw
