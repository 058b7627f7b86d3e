-- util.inherits(child, parent) sets __index in child's metatable. Given the package's module
-- record, or a table made with the metatable it sees for records, whose real metatable every module
-- of the program shares, it would make every module record of the project look up missing fields
-- in the package's table (app.lua checks its own module errors and records afterwards). A module
-- error is a string, which inherits refuses.
-- expect: error: *bad argument #1 to 'inherits' (table expected, got string)*
-- expect: ok: "pwned:nothing"
-- expect: ok: "pwned:nothing"
local try = require("./try")
local util = require("util")
local parent = setmetatable({}, { __index = function(_, key) return "pwned:" .. key end })
local _, err = pcall(require, "no-such-module")
return {
  try(function() util.inherits(err, parent) return err.nothing end),
  try(function() util.inherits(module, parent) return module.nothing end),
  try(function()
    local copy = setmetatable({}, getmetatable(module))
    util.inherits(copy, parent)
    return copy.nothing
  end),
}
