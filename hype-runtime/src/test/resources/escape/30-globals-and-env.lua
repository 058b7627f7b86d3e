-- The package's globals: writing _G, rawset, setmetatable(_G), _ENV and its metatable. A module's
-- _ENV is its realm's _G; none of it reaches the project's globals (app.lua compares _G and its
-- metatable).
-- expect: ok: true
-- expect: ok: true, true
-- expect: ok: "pwned:nothing"
-- expect: ok: true
local try = require("./try")
pwned_global = true
_G.pwned = true
rawset(_G, "pwned2", true)
setmetatable(_G, { __index = function(_, k) return "pwned:" .. k end })
return {
  try(function() return rawequal(_ENV, _G) end),
  try(function() return rawget(_G, "require") ~= nil, rawequal(rawget(_G, "io"), io) end),
  try(function() return _G.nothing end),
  try(function() _ENV.written = true return rawget(_G, "written") end),
}
