-- Relative requires, module.exports, JSON modules, packages with exports, and the module's own names.
local greet = require("./modules/greet")
local settings = require("./modules/config/settings.json")
local shapes = require("./modules/app")

print(greet("golden"))
print("settings:", settings.name, settings.retries, #settings.tags)
print("square area:", shapes.square(3))
print("same module twice:", require("./modules/greet") == greet)
print("main module id:", module.id, require.main == module)
print("global writes reach _G, as in Lua:", rawget(_G, "leaked"))
