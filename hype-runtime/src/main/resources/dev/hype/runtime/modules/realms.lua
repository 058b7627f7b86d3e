-- Restricted realms: what the module system needs once a package (or the project, under
-- --sandbox) runs with checks. Loaded by modules.lua with the first restricted module, so
-- programs that load no package never pay for it. It builds each realm (its globals come from
-- sandbox.lua), guards string.dump, and gives each realm its view of require.cache.
local ctx = ...

local G = _G
local setmetatable, error, next, select, pairs = setmetatable, error, next, select, pairs
local getinfo, string_lib, running = debug.getinfo, string, coroutine.running
local cache, record_realm, config = ctx.cache, ctx.record_realm, ctx.config

local restricted_sources = {} -- chunk source -> realm, for the frames string.dump looks at

-- A string's methods are the shared string library, so ("").dump is string.dump whoever calls
-- it. Once packages run, string.dump refuses when restricted code without native is anywhere on
-- the calling stack: otherwise a package could dump a function the project handed it and read its
-- constants. Trusted code calling it directly is unaffected.
local raw_dump = string_lib.dump
string_lib.dump = function(fn, strip)
  local level = 2
  while true do
    local info = getinfo(level, "S")
    if not info then break end
    local realm = restricted_sources[info.source]
    if realm then realm.api.check("native", "", "string.dump") end
    level = level + 1
  end
  if level == 2 and not select(2, running()) then
    -- The first function of a coroutine: whoever resumes it is out of sight, so refuse.
    local message = "PERMISSION_DENIED: string.dump may not run as the first function of a coroutine "
        .. "once packages are loaded (its caller cannot be told); call it from a function"
    error(setmetatable({ code = "PERMISSION_DENIED", kind = "native", operation = "string.dump",
                         resource = "", hint = "call it from a function", message = message },
                       { __name = "hype.PermissionDenied", __tostring = function(e) return e.message end }), 2)
  end
  return raw_dump(fn, strip)
end

local kit = {}

-- Record that frames whose source is `source` run code of `realm`.
function kit.mark(source, realm)
  restricted_sources[source] = realm
end

local build_globals = ctx.sandbox()({ tmpdir = config.tmpdir, internal = ctx.internal, mark = kit.mark })

-- Build the realm `id` (a package directory, or "project"): its natives, globals and tables.
function kit.create(id, name, root)
  local api = ctx.realm_api(id)
  for key, f in pairs(api) do api[key] = ctx.quiet(f) end
  local realm = { id = id, name = name, root = root or config.cwd, api = api, builtins = {}, ids_by_dir = {} }
  realm.globals = build_globals(api, realm)
  realm.package = realm.globals.package
  -- Built-ins run for the realm with its getmetatable, which hands out copies of the shared
  -- metatables: util.inherits(module_error, t) must not change every module error.
  realm.builtin_env = setmetatable({ getmetatable = realm.globals.getmetatable }, { __index = G })
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
