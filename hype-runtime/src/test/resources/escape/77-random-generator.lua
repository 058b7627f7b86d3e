-- math.random's generator is the realm's own: reseeding it, with a seed or without, or drawing
-- from it, leaves the project's sequence where it was (app.lua draws the numbers it expects).
-- The package's own sequence is lua5.4's for the seed.
-- expect: ok: 742, 742
-- expect: ok: true
-- expect: ok: true
-- expect: ok: true
local try = require("./try")

return {
  try(function()
    math.randomseed(42)
    local a = math.random(1000)
    math.randomseed(42)
    return a, math.random(1000)
  end),
  try(function() math.randomseed() return math.random(0) ~= nil end),
  try(function() require("math").randomseed(1, 2) return math.random(1, 6) <= 6 end),
  try(function() return math == require("math") and math.random ~= nil and math.pi > 3 end),
}
