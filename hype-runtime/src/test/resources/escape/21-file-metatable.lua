-- Patch the metatable of files (io.stdout's): write, close and __name. The project's
-- io.stdout:write must stay the real one (app.lua checks it).
-- expect: ok: true
-- expect: ok: "file"
-- expect: ok: true
local try = require("./try")
local mt = getmetatable(io.stdout)
mt.__index.write = function() return "pwned" end
mt.__index.close = function() return "pwned" end
mt.__name = "pwned"
mt.__gc = function() end
return {
  try(function() return io.stdout:write("") == io.stdout end),
  try(io.type, io.stdout),
  try(function() return getmetatable(io.stderr).__index.write == mt.__index.write end),
}
