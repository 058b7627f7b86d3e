-- Code the package compiles under the name of the project's script, of Hype's own chunks, or of
-- a chunk the realms number, is still the package's: the dump refuses it, the project's own
-- string.dump keeps working (app.lua dumps its callback afterwards), and messages show the name
-- as Lua shows it.
-- expect: denied native string.dump
-- expect: denied native string.dump
-- expect: denied native string.dump
-- expect: denied native string.dump
-- expect: denied native string.dump
-- expect: error: app.lua:1: boom
-- expect: error: [string "error('boom')"]:1: boom
-- exists: {data}/dumper.lua
local try = require("./try")
local source = "local f = ... return ('').dump(f)"

return function(ctx)
  local cb = ctx.callback
  local file = assert(io.open("{data}/dumper.lua", "w"))
  file:write(source)
  file:close()
  return {
    try(function() return load(source, "@app.lua")(cb) end),
    try(function() return load(source, "@{project}/app.lua")(cb) end),
    try(function() return load(source, "=[hype] modules")(cb) end),
    try(function() return load(source, "=x\0" .. "1")(cb) end),
    try(function() return loadfile("{data}/dumper.lua")(cb) end),
    try(function() return load("error('boom')", "@app.lua")() end),
    try(function() return load("error('boom')")() end),
  }
end
