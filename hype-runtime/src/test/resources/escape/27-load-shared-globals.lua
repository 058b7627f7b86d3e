-- load and loadfile run code in the package's globals, not the shared ones: load("return io"),
-- load("return _G"), a chunk name of the module system's own, and an explicit nil environment.
-- expect: ok: true, true, true, nil
-- expect: error: *attempt to index a nil value (upvalue '_ENV')*
-- expect: denied read io.open {secret}
-- expect: ok: true
local try = require("./try")
return {
  try(function()
    return rawequal(load("return _G")(), _G), rawequal(load("return io")(), io),
      rawequal(load("return _ENV")(), _G), load("return debug.getinfo")()
  end),
  try(function() return load("return io", "chunk", "t", nil)() end),
  try(function() return load("return io.open('{secret}'):read('a')", "@{project}/app.lua")() end),
  try(function() return rawequal(load("return require", "=[hype] modules", "t")(), _G.require) end),
}
