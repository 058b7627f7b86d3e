-- A module error is a string, as in lua5.4: its methods are the string library's, through the
-- string metatable. The metatable the package sees is its own copy, so changing it changes
-- nothing for anyone else (app.lua checks getmetatable("").__index and its own module errors).
-- expect: ok: "string", true
-- expect: ok: true
-- expect: ok: nil
local try = require("./try")
local _, e = pcall(require, "no-such-module")
return {
  try(function() return type(e), e:find("module 'no-such-module' not found", 1, true) ~= nil end),
  try(function() return rawequal(getmetatable(e).__index, string) end),
  try(function()
    local mt = getmetatable(e)
    mt.__index = function() return "pwned" end
    mt.__tostring = function() return "pwned" end
    return e.nothing
  end),
}
