-- Restricted realms: what the module system needs once a package (or the project, under
-- --sandbox) runs with checks. Loaded by modules.lua with the first restricted module, so
-- programs that load no package never pay for it. It builds each realm (its globals come from
-- sandbox.lua), knows which realm runs which code (its chunks' sources, the coroutines it made or
-- resumed), guards what every realm shares (string.dump through the string metatable, the
-- coroutines of other realms), holds the collector and hooks around each permission check, and
-- gives each realm its view of require.cache.
local ctx = ...

local G = _G
local setmetatable, error, next, pairs, type, rawequal, tostring, select =
      setmetatable, error, next, pairs, type, rawequal, tostring, select
local getinfo, string_lib, running, co_status = debug.getinfo, string, coroutine.running, coroutine.status
local byte, sub, find, format, match = string.byte, string.sub, string.find, string.format, string.match
local gc = collectgarbage
local engine = debug.getregistry()["hype.engine"]
local raw_sethook, raw_gethook = engine.sethook, engine.gethook
local cache, record_realm, config = ctx.cache, ctx.record_realm, ctx.config

local kit = {}

---------------------------------------------------------------------------------------------------
-- Which realm runs which code
---------------------------------------------------------------------------------------------------

-- Frames report their chunk's source. A package's files are compiled under their own names (paths
-- inside hype_modules/); what a package compiles with load or loadfile gets a source of its own
-- (kit.source_for), so no realm can give its code the source of another realm's, nor mark another
-- realm's chunks as its own.
local sources = {}      -- a package file's chunk source -> the restricted realm whose code it is
local numbered = {}     -- realm number (a string) -> realm, for the chunks realms load themselves
local realm_count = 0

-- Record that frames whose source is `source` run code of `realm`.
function kit.mark(source, realm)
  sources[source] = realm
end

-- What Lua shows for a chunk named `name` (luaO_chunkid, LUA_IDSIZE 60), up to its first zero byte.
local function shown(name)
  local c, out = byte(name, 1), nil
  if c == 61 then -- '='
    out = sub(name, 2, 60)
  elseif c == 64 then -- '@'
    out = #name <= 60 and sub(name, 2) or "..." .. sub(name, -56)
  else
    local newline = find(name, "\n", 1, true)
    if #name < 45 and not newline then
      out = '[string "' .. name .. '"]'
    else
      local n = newline and newline - 1 or #name
      if n > 45 then n = 45 end
      out = '[string "' .. sub(name, 1, n) .. '..."]'
    end
  end
  return match(out, "^[^\0]*")
end

-- The source under which `realm` compiles a chunk named `name`: it reads in messages and
-- tracebacks exactly as `name` would, and ends in a zero byte and the realm's number, which no
-- other realm's chunk can end in.
function kit.source_for(name, realm)
  return "=" .. shown(name) .. "\0" .. realm.number
end

-- The restricted realm whose code runs under `source`, or nil for trusted code.
local function realm_of(source)
  local realm = sources[source]
  if realm then return realm end
  local number = match(source, "\0(%d+)$")
  return number and numbered[number]
end

local thread_realm = setmetatable({}, { __mode = "k" }) -- coroutine -> the realm that made it
local adopted = setmetatable({}, { __mode = "k" })      -- coroutine -> the realm that started it
local resumer = setmetatable({}, { __mode = "k" })      -- coroutine -> the thread a realm resumed it from

-- Record that `realm` made the coroutine `co`.
function kit.tag(co, realm)
  thread_realm[co] = realm
end

-- Call visit(realm) for each restricted realm on the chain of calls that leads here: a frame of
-- its code on the running coroutine, the realm that made the coroutine, and on through the
-- coroutines a realm resumed this one from. C functions (pcall, xpcall, table.sort, string.gsub,
-- metamethods called by the VM) are frames like any other and do not cut the chain.
local function each_realm_on_chain(visit)
  local thread, seen = running(), {}
  while thread and not seen[thread] do
    seen[thread] = true
    local level = 0
    while true do
      local info = getinfo(thread, level, "S")
      if not info then break end
      local realm = realm_of(info.source)
      if realm then visit(realm) end
      level = level + 1
    end
    local owner = thread_realm[thread]
    if owner then visit(owner) end
    thread = resumer[thread]
  end
end
kit.each_realm_on_chain = each_realm_on_chain

-- The innermost Lua frame of a suspended coroutine: where it will go on when resumed.
local function suspended_in(co)
  local level = 0
  while true do
    local info = getinfo(co, level, "S")
    if not info then return nil end
    if info.what ~= "C" then return info.source end
    level = level + 1
  end
end

-- Whether `realm` may resume or close the coroutine `co`: one it made, or started, or that waits
-- in its own code (a coroutine that called into the package, which yielded). Another realm's
-- coroutine waiting in that realm's code is that realm's to drive: resuming it would hand its
-- code values it never asked the package for, and closing it would end it.
function kit.may_drive(realm, co)
  if thread_realm[co] == realm or adopted[co] == realm then return true end
  local status = co_status(co)
  if status == "running" or status == "normal" then return true end -- Lua refuses by itself
  if status == "suspended" then
    local source = suspended_in(co)
    if source == nil and getinfo(co, 0, "S") == nil then
      adopted[co] = realm -- not started yet: whoever starts it drives it
      return true
    end
    if source ~= nil and realm_of(source) == realm then return true end
  end
  return false
end

-- Resume `co` from `realm`: the chain of calls goes on through the thread that resumed it.
local function resumed(co, previous, ...)
  resumer[co] = previous
  return ...
end
function kit.resume(resume, co, ...)
  -- Only a suspended coroutine runs; resume and close refuse any other (close of the running one
  -- raises), and the chain must not lead from a coroutine to itself.
  if co_status(co) ~= "suspended" then return resume(co, ...) end
  local previous = resumer[co]
  resumer[co] = running()
  return resumed(co, previous, resume(co, ...))
end

---------------------------------------------------------------------------------------------------
-- A permission check and the operation it guards, with no Lua code of any realm in between
---------------------------------------------------------------------------------------------------

-- Between a check (a path, say) and its use (the open), Lua code could otherwise run: a finalizer
-- at any allocation (io.open allocates its file handle before it opens), or a hook the program
-- set. held(f, ...) stops the collector and lifts the running coroutine's hook, calls f(...) (the
-- check, then the operation) under pcall, puts both back, and hands back f's results or raises
-- its error again. It takes no to-be-closed variable: a coroutine that dies of an error does not
-- close them (only coroutine.close would), and the collector would then stay stopped.
-- In Hype's own test builds only, engine.cover is the prelude's hook that counts lines of Hype's
-- own Lua and runs nothing else (coverage, LuaCoverage.java): it stays on through the check.
local cover = engine.cover
local depth, restart, hook, hook_mask, hook_count, covering = 0, false, nil, nil, nil, false

local function release(ok, ...)
  depth = depth - 1
  if depth == 0 then
    if hook then
      raw_sethook(hook, hook_mask, hook_count)
      hook = nil
    elseif covering then
      raw_sethook()
    end
    covering = false
    if restart then
      restart = false
      gc("restart")
    end
  end
  if not ok then error((...), 0) end
  return ...
end

function kit.held(f, ...)
  depth = depth + 1
  if depth == 1 then
    if gc("isrunning") then
      gc("stop")
      restart = true
    end
    local fn, mask, count = raw_gethook()
    if type(fn) == "function" then
      hook, hook_mask, hook_count = fn, mask, count
      raw_sethook()
    end
    if cover then
      raw_sethook(cover, "l")
      covering = true
    end
  end
  return release(pcall(f, ...))
end

---------------------------------------------------------------------------------------------------
-- string.dump through the string metatable
---------------------------------------------------------------------------------------------------

-- A string's methods are the project's string library, so ("").dump is the project's string.dump,
-- whoever calls it. Once packages run, it refuses when code of a package without native is on the
-- chain of calls (each_realm_on_chain): otherwise a package could dump a function the project
-- handed it and read the constants compiled into it. Trusted code calling it, from any coroutine
-- of its own, is unaffected, and its errors read as lua5.4's.
local raw_dump = string_lib.dump

local function typename(value, present)
  if not present then return "no value" end
  local mt = getmetatable(value)
  local name = type(mt) == "table" and rawget(mt, "__name")
  if type(name) == "string" then return name end
  return type(value)
end

local function check_dump(realm)
  realm.api.check("native", "", "string.dump")
end

string_lib.dump = function(...)
  local fn, strip = ...
  each_realm_on_chain(check_dump)
  if type(fn) ~= "function" then
    -- luaL_checktype's message, named as the caller called it (luaL_argerror).
    local info = getinfo(1, "n")
    local got = typename(fn, select("#", ...) > 0)
    if info and info.namewhat == "method" then
      error(format("calling '%s' on bad self (function expected, got %s)", info.name, got), 2)
    end
    error(format("bad argument #1 to '%s' (function expected, got %s)", info and info.name or "string.dump", got), 2)
  end
  if getinfo(fn, "S").what == "C" then error("unable to dump given function", 2) end
  return raw_dump(fn, strip)
end

---------------------------------------------------------------------------------------------------
-- Building realms
---------------------------------------------------------------------------------------------------

local build_globals = ctx.sandbox()({ tmpdir = config.tmpdir, internal = ctx.internal, kit = kit,
                                      library = engine.library, loadlib = engine.loadlib })

-- Build the realm `id` (a package directory, or "project"): its natives, globals and tables.
function kit.create(id, name, root)
  local api = ctx.realm_api(id)
  for key, f in pairs(api) do api[key] = ctx.quiet(f) end
  realm_count = realm_count + 1
  local number = tostring(realm_count)
  local realm = { id = id, name = name, root = root or config.cwd, api = api, builtins = {}, ids_by_dir = {},
                  number = number }
  numbered[number] = realm
  realm.globals = build_globals(api, realm)
  realm.package = realm.globals.package
  -- Built-ins run for the realm with its getmetatable, which hands out copies of the shared
  -- metatables (util.inherits(module_error, t) must not change every module error), and with its
  -- coroutine library, so that coroutines they make for it are its own.
  realm.builtin_env = setmetatable({ getmetatable = realm.globals.getmetatable, coroutine = realm.globals.coroutine },
                                   { __index = G })
  return realm
end

-- require.cache as a restricted realm sees it: its own records only; deleting one reloads it.
function kit.cache_view(realm)
  local view = realm.cache_view
  if view then return view end
  local function own(key)
    local r = cache[key]
    if r and record_realm[r] == realm then return r end
  end
  view = setmetatable({}, {
    __index = function(_, key) return own(key) end,
    __newindex = function(_, key, value)
      if value ~= nil then error("require.cache: a package may only delete its own entries", 2) end
      if own(key) then cache[key] = nil end
    end,
    __pairs = function()
      return function(_, k)
        local r
        repeat k, r = next(cache, k) until k == nil or record_realm[r] == realm
        return k, r
      end, nil, nil
    end,
    __metatable = false,
  })
  realm.cache_view = view
  return view
end

return kit
