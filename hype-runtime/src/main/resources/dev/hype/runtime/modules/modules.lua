-- The Lua side of the module system: require, the caches, module environments and cycles.
-- It runs once per runtime with the Java natives as its argument. A cached require stays in Lua
-- (two table lookups); only a cache miss calls into Java to resolve an id.
local natives = ...

local resolve_native, paths_native, read_json, builtin_native, warn_native =
      natives.resolve, natives.paths, natives.read_json, natives.builtin, natives.warn
local realm_native, realm_api_native, sandbox_native, realms_native =
      natives.realm, natives.realm_api, natives.sandbox, natives.realms
local config = natives.config()

local setmetatable, getmetatable, type, error, tostring, rawset, ipairs, pairs =
      setmetatable, getmetatable, type, error, tostring, rawset, ipairs, pairs
local load, io_open, concat, sub, match, getinfo, getupvalue, setupvalue, string_lib =
      load, io.open, table.concat, string.sub, string.match, debug.getinfo, debug.getupvalue, debug.setupvalue,
      string
local package, G = package, _G

local cache = {}          -- canonical path -> module record; this is require.cache
local builtin_values = {} -- built-in name -> its exports, loaded once per runtime
local ids_by_dir = {}     -- requiring directory -> { id -> cache key }
local displays = {}       -- canonical path -> the path as messages show it
local lua_names = {}      -- canonical path -> Lua module name, for files found on package.path
local loading = {}        -- the records whose chunks are running, outermost first
local warned = {}         -- cycle texts already reported
local main_module = nil
local strict = config.strict

-- Realms: the files of a package under hype_modules/ run with that package's own globals and
-- checks (sandbox.lua); the project's files run with the shared globals unless --sandbox. What
-- the module system knows of a record's realm and parent lives here, out of the record's reach.
local realm_by_file = {}   -- canonical path -> its realm, or false for trusted code
local realms = {}          -- realm id -> realm
local record_realm = setmetatable({}, { __mode = "k" })
local hidden_parent = setmetatable({}, { __mode = "k" })
local realm_kit = nil      -- realms.lua: builds restricted realms; loaded with the first one
local builtin_names = {}
for _, name in ipairs(config.builtins) do builtin_names[name] = true end
-- Lua's standard libraries answer require("string") etc. as they do in lua5.4.
local stdlib = {}
for name in pairs(package.loaded) do stdlib[name] = true end

-- Module environments: reads fall through to the shared globals, writes stay in the module.
local ENV_MT = { __index = G, __name = "hype.module.env" }

-- Errors that Lua code can catch: a table with code and message that reads like a string.
local ERROR_MT = { __name = "hype.module.error" }
ERROR_MT.__tostring = function(e) return e.message end
ERROR_MT.__concat = function(a, b) return tostring(a) .. tostring(b) end
-- Not string.dump: packages catch these errors too, and dump is a checked function for them.
ERROR_MT.__index = function(_, key)
  local f = key ~= "dump" and string_lib[key]
  if f then return function(self, ...) return f(self.message, ...) end end
end

local function where(level)
  local info = getinfo(level + 1, "Sl")
  -- A module that ends in `return require(...)` made a tail call: its frame is gone, and the
  -- frame found is the module system's own, which names no useful position.
  if info and info.currentline and info.currentline > 0 and sub(info.source, 1, 7) ~= "=[hype]" then
    return info.short_src .. ":" .. info.currentline .. ": "
  end
  return ""
end

local function display_of(record)
  return displays[record.filename] or record.filename
end

local function parent_of(record)
  return hidden_parent[record] or record.parent
end

local function require_stack(record)
  local lines = {}
  while record do
    lines[#lines + 1] = "- " .. tostring(record.filename)
    record = parent_of(record)
  end
  return lines
end

-- Raise a module error at the caller `level` frames above the function calling fail.
local function fail(level, record, id, code, message, tried)
  local text
  if code == "MODULE_NOT_FOUND" and tried then
    text = message .. " required by " .. display_of(record)
    if #tried > 0 then text = text .. "\ntried, in order:\n  " .. concat(tried, "\n  ") end
  else
    text = message
  end
  local stack = require_stack(record)
  text = where(level + 1) .. text .. "\nrequire stack:\n" .. concat(stack, "\n")
  error(setmetatable({ code = code, message = text, id = id, tried = tried }, ERROR_MT), 0)
end

local function dirname(path)
  local dir = match(path, "^(.*)/[^/]*$")
  if dir == nil or dir == "" then return "/" end
  return dir
end

local make_require

-- module.paths (the lookup directories, as in Node) is computed on first use.
local RECORD_MT = { __name = "hype.module", __index = function(record, field)
  if field == "paths" then
    local paths = paths_native(record.path, "x")
    rawset(record, "paths", paths)
    return paths
  end
end }

-- A restricted record shows its parent only when the parent is of the same realm: through
-- module.parent a package could otherwise reach the project's record and its require.
local function new_module(filename, parent, id, realm)
  local dir = dirname(filename)
  local record = setmetatable({ id = id, filename = filename, path = dir, loaded = false, exports = {},
                                children = {} }, RECORD_MT)
  if parent then
    if realm and record_realm[parent] ~= realm then hidden_parent[record] = parent else record.parent = parent end
  end
  if realm then record_realm[record] = realm end
  record.require = make_require(record, dir, realm)
  return record
end

local function realm_for(filename)
  local realm = realm_by_file[filename]
  if realm ~= nil then return realm end
  local id, name, restricted, root = realm_native(filename)
  if not restricted then
    realm_by_file[filename] = false
    return false
  end
  realm = realms[id]
  if not realm then
    if not realm_kit then
      realm_kit = realms_native()({ config = config, realm_api = realm_api_native, sandbox = sandbox_native,
                                    internal = { ENV_MT, RECORD_MT, ERROR_MT }, cache = cache,
                                    record_realm = record_realm })
    end
    realm = realm_kit.create(id, name, root)
    realms[id] = realm
    -- Code the realm loads itself with load() requires from the package's directory.
    realm.globals.require = new_module(realm.root .. "/[" .. (name or "project") .. "]", nil, "[realm]", realm).require
  end
  realm_by_file[filename] = realm
  return realm
end

local function compile(record)
  local filename = record.filename
  local file, err = io_open(filename, "rb")
  if not file then error(err, 0) end
  local source = file:read("a")
  file:close()
  -- As lua5.4's loadfile: skip a UTF-8 byte order mark, and a first line starting with '#'.
  if sub(source, 1, 3) == "\239\187\191" then source = sub(source, 4) end
  if sub(source, 1, 1) == "#" then source = "--" .. source end
  local realm = record_realm[record]
  if realm and sub(source, 1, 1) == "\27" then
    -- A precompiled module is native code to the VM, which does not verify bytecode.
    realm.api.check("native", filename, "require")
  end
  local env = setmetatable({ module = record, exports = record.exports, require = record.require,
                             __filename = filename, __dirname = record.path }, realm and realm.env_mt or ENV_MT)
  if realm then realm_kit.mark("@" .. display_of(record), realm) end
  local fn, message = load(source, "@" .. display_of(record), "bt", env)
  if not fn then error(message, 0) end
  return fn
end

-- Closing a guard ends a load: pops the loading stack and, unless the load finished, evicts.
local GUARD_MT = { __close = function(guard)
  local record = guard.record
  for i = #loading, 1, -1 do
    if loading[i] == record then table.remove(loading, i) break end
  end
  if not guard.done then
    if cache[record.filename] == record then cache[record.filename] = nil end
    local parent = parent_of(record)
    if parent then
      local children = parent.children
      for i = #children, 1, -1 do
        if children[i] == record then table.remove(children, i) break end
      end
    end
  end
end }

-- A C module of a rock (lib/a/b.so): opened as Lua's C searcher opens one (loadlib.c's loadfunc):
-- luaopen_ and the module name with dots as underscores, up to a hyphen, else the part after it.
-- A realm needs native for it.
local function load_native(record, name)
  local realm = record_realm[record]
  if realm then realm.api.check("native", record.filename, "require") end
  local modname = string_lib.gsub(name, "%.", "_")
  local mark = string_lib.find(modname, "-", 1, true)
  local loader, message
  if mark then
    loader, message = package.loadlib(record.filename, "luaopen_" .. sub(modname, 1, mark - 1))
    modname = sub(modname, mark + 1)
  end
  if not loader then loader, message = package.loadlib(record.filename, "luaopen_" .. modname) end
  if not loader then error("error loading module '" .. name .. "' from file '" .. record.filename .. "':\n\t"
    .. tostring(message), 0) end
  return loader(name, record.filename)
end

local function run_module(record, ...)
  loading[#loading + 1] = record
  local guard <close> = setmetatable({ record = record }, GUARD_MT)
  local filename = record.filename
  local value
  if sub(filename, -5) == ".json" then
    value = read_json(filename)
  elseif lua_names[filename] and (sub(filename, -3) == ".so" or sub(filename, -4) == ".dll") then
    local name = lua_names[filename]
    local realm = record_realm[record]
    local loaded = realm and realm.package.loaded or package.loaded
    value = load_native(record, name)
    if value == nil then value = loaded[name] end
    if value == nil then value = true end
    loaded[name] = value
  else
    local lua_name = lua_names[filename]
    local name = ...
    local realm = record_realm[record]
    local loaded = realm and realm.package.loaded or package.loaded
    local before = type(name) == "string" and loaded[name] or nil
    value = compile(record)(...)
    if value == nil and type(name) == "string" and loaded[name] ~= before then
      -- The Lua idiom `package.loaded[...] = M` without a return.
      value = loaded[name]
    end
    if lua_name then
      -- Found on package.path: behave as Lua's require does for package.loaded.
      if value == nil then value = record.exports end
      loaded[lua_name] = value
    end
  end
  if value ~= nil then record.exports = value end
  record.loaded = true
  guard.done = true
  return record.exports
end

local function load_file(key, parent, id)
  local realm = realm_for(key)
  local record = new_module(key, parent, key, realm or nil)
  cache[key] = record
  if parent and (not record_realm[parent] or record_realm[parent] == record_realm[record]) then
    -- A reload (after deleting the cache entry) replaces the stale child instead of piling up.
    local children = parent.children
    local n = #children + 1
    for i = 1, n - 1 do
      if children[i].filename == key then n = i break end
    end
    children[n] = record
  end
  return run_module(record, lua_names[key] or id, key)
end

-- Each restricted realm gets its own instance of every built-in, checking its permissions.
local function load_builtin(name, realm)
  local values = realm and realm.builtins or builtin_values
  local value = values[name]
  if value == nil then
    local fn, builtin_natives
    if realm then
      fn, builtin_natives = realm.api.builtin(name)
      if getupvalue(fn, 1) == "_ENV" then setupvalue(fn, 1, realm.builtin_env) end
    else
      fn, builtin_natives = builtin_native(name)
    end
    value = fn(builtin_natives)
    if value == nil then value = true end
    values[name] = value
  end
  return value
end

local function circular(record, target)
  local chain = {}
  local start
  for i = #loading, 1, -1 do
    if loading[i] == target then start = i break end
  end
  if start then
    for i = start, #loading do chain[#chain + 1] = display_of(loading[i]) end
  else
    chain[1] = display_of(target)
    chain[2] = display_of(record)
  end
  chain[#chain + 1] = display_of(target)
  local text = "circular require: " .. concat(chain, " -> ")
  if strict then
    local stack = require_stack(record)
    error(setmetatable({ code = "ERR_REQUIRE_CYCLE", id = target.filename,
      message = where(2) .. text .. "\nrequire stack:\n" .. concat(stack, "\n") }, ERROR_MT), 0)
  end
  if not warned[text] then
    warned[text] = true
    warn_native("hype: warning: " .. text .. " (" .. display_of(record) .. " gets the partial exports of "
      .. display_of(target) .. ")")
  end
  return target.exports
end

-- Step 6, continued: Lua's other searchers (C modules on package.cpath, searchers that programs
-- add). The first two searchers, preload and package.path, are the steps already taken. A loader
-- found runs now, as Lua's require runs it, and its value goes to package.loaded.
local function search_other(id, tried)
  local searchers = package.searchers
  if type(searchers) ~= "table" or sub(id, 1, 1) == "." or sub(id, 1, 1) == "/" or sub(id, 1, 1) == "#" then
    return false
  end
  for i = 3, #searchers do
    local loader, extra = searchers[i](id)
    if type(loader) == "function" then
      local value = loader(id, extra)
      if value ~= nil then package.loaded[id] = value end
      if package.loaded[id] == nil then package.loaded[id] = true end
      return true
    elseif type(loader) == "string" and tried then
      for location in loader:gmatch("no file '([^']*)'") do tried[#tried + 1] = location end
    end
  end
  return false
end

-- Resolve id for a record (without loading), filling the directory's id cache; 1 frame deep.
-- A restricted realm answers from its own package tables and resolves through its realm's
-- natives, which deny files it may not load.
local function resolve_key(record, ids, dir, id, level, realm)
  if type(id) ~= "string" then
    error(where(level + 1) .. "bad argument #1 to 'require' (string expected, got "
      .. (id == nil and "no value" or type(id)) .. ")", 0)
  end
  local key = ids[id]
  if key then return key end
  local name = sub(id, 1, 5) == "hype:" and sub(id, 6) or id
  if builtin_names[name] then
    key = "hype:" .. name
  elseif stdlib[id] then
    key = "lua:" .. id
  else
    local pkg = realm and realm.package or package
    local provided = pkg.preload[id] ~= nil or pkg.loaded[id] ~= nil
    local path = package.path
    local resolve = realm and realm.api.resolve or resolve_native
    local kind, found, display, tried = resolve(dir, id, type(path) == "string" and path or nil, provided)
    if not kind and found == "MODULE_NOT_FOUND" and (not realm or realm.api.allows("native"))
        and search_other(id, tried) then
      kind = "lua_loaded"
    end
    if not kind then fail(level + 1, record, id, found, display, tried) end
    if kind == "builtin" then
      key = "hype:" .. found
    elseif kind == "lua_loaded" then
      key = "lua:" .. id
    else
      key = found
      displays[found] = display
      if kind == "lua_path" or kind == "rock" then lua_names[found] = id end
    end
  end
  ids[id] = key
  return key
end

local function require_slow(record, ids, dir, id, realm)
  local key = resolve_key(record, ids, dir, id, 2, realm)
  local cached = cache[key]
  if cached then
    if cached.loaded then return cached.exports end
    return circular(record, cached)
  end
  if sub(key, 1, 5) == "hype:" then return load_builtin(sub(key, 6), realm) end
  if sub(key, 1, 4) == "lua:" then
    local name = sub(key, 5)
    local pkg = realm and realm.package or package
    local value = pkg.loaded[name]
    if value ~= nil then return value end
    local loader = pkg.preload[name]
    if loader then
      value = loader(name, ":preload:")
      if value == nil then value = pkg.loaded[name] end
      if value == nil then value = true end
      pkg.loaded[name] = value
      return value
    end
    -- Gone from package.loaded since: resolve afresh.
    ids[id] = nil
    return require_slow(record, ids, dir, id, realm)
  end
  return load_file(key, record, id)
end

-- Each require's record and directory, out of reach: a package can call require_index (its
-- require's metatable is its own to read) with a table of its making, so it must not name them.
local require_owners = setmetatable({}, { __mode = "k" })

-- require.resolve and require.main are built on first use, to keep modules small.
local function require_index(req, field)
  local owner = require_owners[req]
  if not owner then return nil end
  local record = owner.record
  if field == "resolve" then
    local dir = owner.dir
    local realm = record_realm[record]
    local ids = (realm and realm.ids_by_dir or ids_by_dir)[dir]
    local resolve = setmetatable({
      paths = function(id) return paths_native(dir, id) end,
    }, { __call = function(_, id)
      local key = resolve_key(record, ids, dir, id, 2, realm)
      if sub(key, 1, 5) == "hype:" then return id end  -- a built-in: its name as written, like Node
      if sub(key, 1, 4) == "lua:" then return sub(key, 5) end
      return key
    end })
    rawset(req, "resolve", resolve)
    return resolve
  elseif field == "main" then
    if record_realm[record] and record_realm[main_module] ~= record_realm[record] then return nil end
    return main_module
  end
end

make_require = function(record, dir, realm)
  local by_dir = realm and realm.ids_by_dir or ids_by_dir
  local ids = by_dir[dir]
  if not ids then
    ids = {}
    by_dir[dir] = ids
  end
  local function require(_, id)
    local key = ids[id]
    if key then
      local cached = cache[key]
      if cached and cached.loaded then return cached.exports end
    end
    return require_slow(record, ids, dir, id, realm)
  end
  local req = setmetatable({ cache = realm and realm_kit.cache_view(realm) or cache },
                           { __call = require, __index = require_index })
  require_owners[req] = { record = record, dir = dir }
  return req
end

local api = {}

-- Run the main script as the module ".": called by the launcher chunk with the script's arguments.
function api.main(filename, display, ...)
  displays[filename] = display
  local record = new_module(filename, nil, ".", realm_for(filename) or nil)
  main_module = record
  cache[filename] = record
  run_module(record, ...)
end

-- Code outside any module (-e, the REPL) requires from the working directory.
local eval_module = new_module(config.cwd .. "/[eval]", nil, "[eval]")
displays[eval_module.filename] = "[eval]"
G.require = eval_module.require

debug.getregistry()["hype.modules"] = api
