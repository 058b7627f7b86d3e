-- The module graph: require.main (the project's app), module.parent (the project's record that
-- required evil), module.children, require's metatable, and the record metatable everyone shares.
-- expect: ok: nil, nil
-- expect: ok: 2, "{evil}/try.lua", "{evil}/data/own.lua"
-- expect: ok: nil, nil
-- expect: ok: nil
-- expect: ok: "{evil}/hype_modules"
local try = require("./try")
require("./data/own")
require("good") -- another realm's record is not a child of this one
return {
  try(function() return require.main, module.parent end),
  try(function() return #module.children, module.children[1].filename, module.children[2].filename end),
  try(function() return getmetatable(require).record, rawget(require, "main") end),
  try(function()
    local mt = getmetatable(module)
    mt.__index = function() return "pwned" end
    return module.nothing
  end),
  try(function() return module.paths[1] end),
}
