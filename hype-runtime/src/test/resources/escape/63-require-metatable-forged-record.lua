-- require's metatable holds the function behind require.main and require.resolve. Called on a
-- table of the package's own making, whose metatable names a record without a realm, it must not
-- take that table's word for whose require it is: require.main would be the project's module,
-- with the project's unrestricted require.
-- expect: ok: nil
-- expect: ok: nil
local try = require("./try")
local index = getmetatable(require).__index
local forged = setmetatable({}, { record = { path = "{project}" } })
return {
  try(function()
    local main = index(forged, "main")
    return main and main.require("./config").password
  end),
  try(function()
    local resolve = index(forged, "resolve")
    return resolve and resolve("./config")
  end),
}
