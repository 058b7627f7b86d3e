-- A module error table answers string methods on its message through the metatable every
-- module error shares: that must not hand out the unchecked string.dump, and changing the
-- metatable the package sees changes nothing for anyone else.
-- expect: ok: "MODULE_NOT_FOUND", true
-- expect: ok: nil, nil
-- expect: ok: nil
local try = require("./try")
local _, e = pcall(require, "no-such-module")
return {
  try(function() return e.code, e:find("cannot find module", 1, true) ~= nil end),
  try(function() return e.dump, (getmetatable(e).__index(e, "dump")) end),
  try(function()
    local mt = getmetatable(e)
    mt.__index = function() return "pwned" end
    mt.__tostring = function() return "pwned" end
    return e.nothing
  end),
}
