-- Patch the package's standard library: string.format, table.insert, math.floor, coroutine.wrap,
-- os.time, io.write, print, tostring. Each realm has its own copies; the project keeps the real
-- ones (app.lua compares every library table by identity).
-- expect: ok: "pwned"
-- expect: ok: "1"
-- expect: ok: "pwned"
local try = require("./try")
string.format = function() return "pwned" end
string.rep = function() return "pwned" end
table.insert = function() end
table.concat = function() return "pwned" end
math.floor = function() return 0 end
coroutine.wrap = function() return function() end end
os.time = function() return 0 end
io.write = function() return "pwned" end
print = function() end
_G.tostring = function() return "pwned" end
return {
  try(string.format, "%d", 1),
  -- a string's methods are the shared library's, which the package cannot change
  try(function() return ("%d"):format(1) end),
  try(tostring, 1),
}
