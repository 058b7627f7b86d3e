-- The project made a function of the package's its call hook (a profiler, say): the hook runs at
-- every call, including the calls inside io.open and os.remove after the permission check. On the
-- Nth call after it is armed it swaps race/cur for race/stash (a link to the project's secret).
-- For every N, the open reads evil's own file or is refused, and the secret is never touched:
-- no hook runs between a check and its use.
-- expect: ok: "io.open", true
-- expect: ok: "io.open for writing", true
-- expect: ok: "io.output", true
local try = require("./try")

local cur, stash, old = "{data}/race/cur", "{data}/race/stash", "{data}/race/old"
local countdown, swapped, swaps = -1, false, 0

local function reset()
  countdown = -1
  if swapped then
    assert(os.rename(cur, stash))
    assert(os.rename(old, cur))
    swapped = false
  end
end

local function hook()
  if countdown > 0 then
    countdown = countdown - 1
    if countdown == 0 and not swapped and os.rename(cur, old) then
      os.rename(stash, cur)
      swapped, swaps = true, swaps + 1
    end
  end
end

local function race(name, use)
  local got = {}
  swaps = 0
  for n = 1, 40 do
    reset()
    countdown = n
    local ok, text = pcall(use, cur .. "/B")
    countdown = -1
    if ok and text ~= nil and text ~= "evil-race-file" then got[#got + 1] = text end
  end
  reset()
  return name, #got == 0 and swaps > 0, table.unpack(got)
end

return function(ctx)
  ctx.trace(hook)
  return {
    try(race, "io.open", function(path)
      local file = io.open(path)
      if not file then return nil end
      local text = file:read("a")
      file:close()
      return text
    end),
    try(race, "io.open for writing", function(path)
      local file = io.open(path, "w")
      if file then file:close() end
      return nil
    end),
    try(race, "io.output", function(path)
      local ok = pcall(io.output, path)
      io.output(io.stdout)
      return nil
    end),
  }
end
