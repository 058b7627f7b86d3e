-- A module that exports through module.exports, required relative to this file.
local greeter = require("./lib/greeter")
local counter = require("./lib/counter")

assert(greeter.greet("Hype") == "Hello, Hype")
counter.increment()
counter.increment()
assert(counter.value() == 2)
assert(require("./lib/counter") == counter, "a second require returns the cached module")
print("Basic module loaded successfully")
