-- Patch the string metatable every string shares: its __index, a method, an operator. The
-- package gets a copy whose __index is its own string table; the project's strings keep theirs
-- (app.lua checks ("abc"):upper() and getmetatable("").__index == string afterwards).
-- expect: ok: "ABC"
-- expect: ok: true
-- expect: ok: "PWNED"
-- expect: error: *bad argument #1 to 'setmetatable' (table expected, got string)*
local try = require("./try")
local mt = getmetatable("")
mt.__index.upper = function() return "PWNED" end
mt.__add = function() return "pwned" end
mt.__name = "pwned"
rawset(mt, "__len", function() return 0 end)
return {
  try(function() return ("abc"):upper() end),
  try(function() return getmetatable("x") == mt end),
  try(string.upper, "abc"),
  try(setmetatable, "", {}),
}
