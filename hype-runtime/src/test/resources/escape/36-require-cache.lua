-- require.cache: list it, read the project's and good's records from it, plant a record,
-- delete the project's entries (app.lua checks its config is still cached).
-- expect: ok: "{evil}/init.lua;{evil}/try.lua"
-- expect: ok: nil, nil, nil, nil
-- expect: error: *a package may only delete its own entries*
-- expect: ok: "deleted"
-- expect: ok: false
-- expect: ok: nil, nil
local try = require("./try")
return {
  try(function()
    local keys = {}
    for key in pairs(require.cache) do keys[#keys + 1] = key end
    table.sort(keys)
    return table.concat(keys, ";")
  end),
  try(function()
    return require.cache["{project}/app.lua"], require.cache["{config}"], require.cache["{good}/init.lua"],
      require.cache["hype:fs"]
  end),
  try(function() require.cache["{config}"] = { exports = { password = "planted" }, loaded = true } end),
  try(function()
    require.cache["{project}/app.lua"] = nil
    require.cache["{config}"] = nil
    return "deleted"
  end),
  try(getmetatable, require.cache),
  try(function() return rawget(require.cache, "{config}"), next(require.cache) end),
}
