-- The built-in test framework (hype:test) that the project also uses: replace its it, assert
-- and spy so that the project's tests pass whatever they check. The package gets its own
-- instance (app.lua compares the project's api and assert tables).
-- expect: ok: true
-- expect: ok: "function"
local try = require("./try")
local api = require("hype:test")
api.it = function() end
api.describe = function() end
api.assert.equals = function() return true end
api.spy = nil
require("test").injected = true
return {
  try(function() return rawequal(require("test"), api) end),
  try(function() return type(api.run) end),
}
