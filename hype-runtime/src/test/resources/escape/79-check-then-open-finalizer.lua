-- A finalizer of the package's swaps a directory between the permission check and the open: it
-- renames race/cur away and race/stash (holding a link to the project's secret) into its place,
-- so that race/cur/B, checked as evil's own file, would open the secret. The project runs its
-- collector all the time, so the package's finalizers run at nearly every allocation (io.open
-- allocates its file handle before it opens). Each operation runs many times; the collector is
-- held from each check to its use, so every open reads evil's file or is refused; none reads the
-- secret, and the swaps did happen (around the checks, not inside them).
-- expect: ok: "io.open", true
-- expect: ok: "io.lines", true
-- expect: ok: "loadfile", true
-- expect: ok: "io.open for update", true
local try = require("./try")

local cur, stash, old = "{data}/race/cur", "{data}/race/stash", "{data}/race/old"
local swapped, swaps = false, 0

local function reset()
  if swapped then
    assert(os.rename(cur, stash))
    assert(os.rename(old, cur))
    swapped = false
  end
end

local function arm()
  setmetatable({}, { __gc = function()
    if not swapped and os.rename(cur, old) then
      assert(os.rename(stash, cur))
      swapped, swaps = true, swaps + 1
    end
  end })
end

-- Run `read` many times with a finalizer armed; hand back what each read got that was not evil's.
local function race(name, read)
  local got = {}
  swaps = 0
  for i = 1, 300 do
    reset()
    arm()
    local junk = {}
    for k = 1, i % 7 do junk[k] = { k } end
    local ok, text = pcall(read, cur .. "/B")
    if ok and text ~= nil and text ~= "evil-race-file" then got[#got + 1] = text end
  end
  reset()
  return name, #got == 0 and swaps > 0, table.unpack(got)
end

return function(ctx)
  ctx.collect_often()
  return {
    try(race, "io.open", function(path)
      local file = io.open(path)
      if not file then return nil end
      local text = file:read("a")
      file:close()
      return text
    end),
    try(race, "io.lines", function(path)
      for line in io.lines(path) do return line end
    end),
    try(race, "loadfile", function(path)
      -- evil's file does not compile: any other message came from another file.
      local chunk, err = loadfile(path)
      local _, expected = load("evil-race-file", "@" .. path)
      return (chunk or err == expected) and "evil-race-file" or err
    end),
    try(race, "io.open for update", function(path)
      local file = io.open(path, "r+")
      if not file then return nil end
      local text = file:read("a")
      file:close()
      return text
    end),
  }
end
