-- fs functions read their options after the path: an option table whose __index swaps race/cur for
-- race/stash (a link to the project's secret) would run between the check and the file operation.
-- Options are read before the check, so the check sees the link and refuses (the message names
-- the path as given).
-- expect: denied read fs.readFileSync {data}/race/cur/B
-- expect: denied read fs.statSync {data}/race/cur/B
-- expect: denied write fs.writeFileSync {data}/race/cur/B
-- expect: denied write fs.appendFileSync {data}/race/cur/B
-- expect: denied write fs.rmSync {data}/race/cur/B
local try = require("./try")
local fs = require("fs")

local cur, stash, old = "{data}/race/cur", "{data}/race/stash", "{data}/race/old"
local swapped = false

local function reset()
  if swapped then
    assert(os.rename(cur, stash))
    assert(os.rename(old, cur))
    swapped = false
  end
end

-- An options table that swaps the directories the first time it is read.
local function swapping()
  reset()
  return setmetatable({}, { __index = function()
    if not swapped and os.rename(cur, old) then
      os.rename(stash, cur)
      swapped = true
    end
  end })
end

local B = cur .. "/B"
local results = {
  try(function() return fs.readFileSync(B, swapping()) end),
  try(function() return fs.statSync(B, swapping()).size end),
  try(function() return fs.writeFileSync(B, "pwned", swapping()) end),
  try(function() return fs.appendFileSync(B, "pwned", swapping()) end),
  try(function() return fs.rmSync(B, swapping()) end),
}
reset()
return results
