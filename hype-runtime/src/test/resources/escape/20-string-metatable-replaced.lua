-- Replace the whole __index of the string metatable, then the metatable of the copy.
-- expect: ok: "abc"
-- expect: ok: "ABC"
local try = require("./try")
local mt = getmetatable("")
mt.__index = { upper = function() return "PWNED" end }
setmetatable(mt, { __index = function() return function() return "PWNED" end end })
return {
  try(function() return ("ABC"):lower() end),
  try(function() return ("abc"):upper() end),
}
