-- The Lua side of the module system: require, the caches, module environments and cycles.
-- It runs once per runtime with the Java natives as its argument. A cached require stays in Lua
-- (two table lookups); only a cache miss calls into Java to resolve an id.
--
-- require follows lua5.4's protocol (package.loaded, then package.searchers in order, loader
-- data as the second result, string errors), with Hype's additions: ids starting with ./, ../, /
-- or # resolve from the requiring file (Node's algorithm) and are cached by canonical path;
-- package.searchers[2] also finds packages in hype_modules/ and the built-ins; hype:NAME is
-- always the built-in.
local natives = ...

-- LuaJava's glue assigns the global __jthrowable__ (to nil) after each Java function returns; with
-- the key already in _G the assignment is raw, so a __newindex a program set on _G (a strict
-- mode, a test framework watching for leaked globals) does not see the module system's calls.
local G_TABLE, rawget_, rawset_, pcall_, error_ = _G, rawget, rawset, pcall, error
local function finish(ok, ...)
  -- A Java function that raised leaves the placeholder behind.
  if rawget_(G_TABLE, "__jthrowable__") == false then rawset_(G_TABLE, "__jthrowable__", nil) end
  if not ok then error_((...), 0) end
  return ...
end
local function quiet(f)
  return function(...)
    if rawget_(G_TABLE, "__jthrowable__") ~= nil then return f(...) end
    rawset_(G_TABLE, "__jthrowable__", false)
    return finish(pcall_(f, ...))
  end
end
for name, f in pairs(natives) do natives[name] = quiet(f) end

local resolve_native, paths_native, read_json, builtin_native, warn_native, canonical_native =
      natives.resolve, natives.paths, natives.read_json, natives.builtin, natives.warn, natives.canonical
local realm_native, realm_api_native, sandbox_native, realms_native, features_native =
      natives.realm, natives.realm_api, natives.sandbox, natives.realms, natives.features
local config = natives.config()

local setmetatable, type, error, tostring, rawset, rawget, ipairs, pairs, next, select =
      setmetatable, type, error, tostring, rawset, rawget, ipairs, pairs, next, select
local load, io_open, concat, sub, byte, find, gsub, getinfo, getupvalue, setupvalue, searchpath =
      load, io.open, table.concat, string.sub, string.byte, string.find, string.gsub, debug.getinfo,
      debug.getupvalue, debug.setupvalue, package.searchpath
local package, G = package, _G
-- The tables lua5.4's require uses whatever package.loaded and package.preload are set to later
-- (the registry's _LOADED and _PRELOAD).
local LOADED, PRELOAD = package.loaded, package.preload

local cache = {}          -- canonical path -> module record; this is require.cache
local builtin_values = {} -- built-in name -> its exports, loaded once per runtime
local ids_by_dir = {}     -- requiring directory -> { path id -> cache key }
local name_keys = {}      -- bare name -> cache key of the file it loaded, for require.cache deletes
local displays = {}       -- canonical path -> the path as messages show it
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
local record_dir = setmetatable({}, { __mode = "k" }) -- a record's directory, out of its reach
local hidden_parent = setmetatable({}, { __mode = "k" })
local realm_kit = nil      -- realms.lua: builds restricted realms; loaded with the first one
-- Metatables of the module system and of every built-in's instance (json's array, object and null
-- markers, say): a restricted realm's getmetatable hands out copies of them, so that a package
-- given the project's values cannot change how the project's modules behave.
local internal_metatables = setmetatable({}, { __mode = "k" })
local function protect(mt) internal_metatables[mt] = true end
local builtin_names = {}
for _, name in ipairs(config.builtins) do builtin_names[name] = true end

-- The seed's table utilities join Lua's table library on the first require("table").
local table_merged = setmetatable({}, { __mode = "k" })

-- The position of the code that called require: the first frame outside this file, unless that
-- is a C function (pcall(require, ...)), as lua5.4 positions errors. A module that ends in
-- `return require(...)` made a tail call: its frame is gone, and no position is given.
local MODULES_SOURCE = "=[hype] modules"
local function where()
  local level = 2
  while true do
    local info = getinfo(level, "Sl")
    if not info then return "" end
    if info.source ~= MODULES_SOURCE then
      if info.what ~= "C" and info.currentline and info.currentline > 0 and sub(info.source, 1, 6) ~= "=[hype" then
        return info.short_src .. ":" .. info.currentline .. ": "
      end
      return ""
    end
    level = level + 1
  end
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
  return "\nrequire stack:\n" .. concat(lines, "\n")
end

local function is_path_id(id)
  local c = byte(id, 1)
  if c == 47 or c == 35 then return true end -- '/' or '#'
  if c ~= 46 then return false end
  return id == "." or id == ".." or sub(id, 1, 2) == "./" or sub(id, 1, 3) == "../"
end

local function dirname(path)
  local dir = path:match("^(.*)/[^/]*$")
  if dir == nil or dir == "" then return "/" end
  return dir
end

local make_require

-- module.paths (the lookup directories, as in Node) and module.features (the package's enabled
-- features, as hype-lock.json records them: { name = true, ... }) are computed on first use.
local RECORD_MT = { __name = "hype.module", __index = function(record, field)
  if field == "paths" then
    local paths = paths_native(record.path, "x")
    rawset(record, "paths", paths)
    return paths
  elseif field == "features" then
    local features = features_native(record.filename)
    rawset(record, "features", features)
    return features
  end
end }
protect(RECORD_MT)

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
  record_dir[record] = dir
  record.require = make_require(record, dir, realm)
  return record
end

local realm_for

-- The project's modules run with _ENV == _G; `module`, `exports`, `require`, `__filename` and
-- `__dirname` are locals of the chunk, declared on its first line so that line numbers stay.
-- The chunk is compiled with a table holding them as its environment, and its first statement
-- sets its _ENV upvalue to the globals (the realm's, for a package).
local PROLOGUE = "local module, exports, require, __filename, __dirname = module, exports, require, __filename, "
  .. "__dirname; _ENV = _G; "

local function compile(record, source, chunkname)
  local filename = record.filename
  local realm = record_realm[record]
  if not source and realm then
    -- Read in one Java call that checks, as it reads, that the file still belongs to the realm:
    -- between resolving and reading, the file's path could have been changed to lead elsewhere.
    source = realm.api.source(filename)
  elseif not source then
    local file, err = io_open(filename, "rb")
    if not file then error(err, 0) end
    source = file:read("a")
    file:close()
  end
  local globals = realm and realm.globals or G
  chunkname = chunkname or "@" .. display_of(record)
  if realm then realm_kit.mark(chunkname, realm) end
  if byte(source, 1) == 27 then
    -- A precompiled module is native code to the VM, which does not verify bytecode; it runs with
    -- the globals as its environment and without the module's locals.
    if realm then realm.api.check("native", filename, "require") end
    return load(source, chunkname, "b", globals)
  end
  -- As lua5.4's loadfile: skip a UTF-8 byte order mark, and a first line starting with '#'.
  if sub(source, 1, 3) == "\239\187\191" then source = sub(source, 4) end
  if byte(source, 1) == 35 then source = "--" .. source end
  local env = { module = record, exports = record.exports, require = record.require, __filename = filename,
                __dirname = record.path, _G = globals }
  return load(PROLOGUE .. source, chunkname, "t", env)
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

local function unnamed(f) return f end

-- Run a record's compiled chunk (or read its JSON). Its value: what the chunk returns if not nil,
-- else module.exports if the module set or filled it, else package.loaded[name] if the module set
-- it (the Lua idiom `package.loaded[...] = M`), else true, as lua5.4's require gives.
local function run_module(record, fn, name, ...)
  loading[#loading + 1] = record
  local guard <close> = setmetatable({ record = record }, GUARD_MT)
  local value
  if fn == nil then
    local realm = record_realm[record]
    value = (realm and realm.api.read_json or read_json)(record.filename)
  else
    local initial = record.exports
    local realm = record_realm[record]
    local loaded = realm and realm.loaded or LOADED
    local before = type(name) == "string" and loaded[name] or nil
    -- Called through an expression with no name, so that tracebacks say "in main chunk" as they
    -- do for a chunk lua5.4's require calls.
    value = unnamed(fn)(name, ...)
    if value == nil then
      local exports = record.exports
      if exports ~= initial or next(initial) ~= nil then
        value = exports
      elseif type(name) == "string" and loaded[name] ~= before then
        value = loaded[name]
      end
    end
  end
  if value == nil then value = true end
  record.exports = value
  record.loaded = true
  guard.done = true
  return value
end

local function new_file_record(key, parent)
  local realm = realm_for(key)
  local record = new_module(key, parent, key, realm or nil)
  if parent and (not record_realm[parent] or record_realm[parent] == record_realm[record]) then
    -- A reload (after deleting the cache entry) replaces the stale child instead of piling up.
    local children = parent.children
    local n = #children + 1
    for i = 1, n - 1 do
      if children[i].filename == key then n = i break end
    end
    children[n] = record
  end
  return record
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
    value = fn(builtin_natives, protect)
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
    error(where() .. "ERR_REQUIRE_CYCLE: " .. text .. require_stack(record), 0)
  end
  if not warned[text] then
    warned[text] = true
    warn_native("hype: warning: " .. text .. " (" .. display_of(record) .. " gets the partial exports of "
      .. display_of(target) .. ")")
  end
  return target.exports
end

-- The requiring module, for package.searchers[2]: set by require while it asks the searchers.
local current = nil
local eval_module

local CONTEXT_MT = { __close = function(saved) current = saved[1] end }

-- Load the file `key` for `record`, or hand back what the cache has: the cached value, or the
-- partial exports of a module still loading (a cycle).
local function load_file(record, key, id, chunkname, name_for_chunk, again)
  local cached = cache[key]
  if cached then
    if not cached.loaded then return circular(record, cached) end
    -- A loader from package.searchers runs the file again, as lua5.4's does: require only asks
    -- the searchers when package.loaded has nothing under the name.
    if not again then return cached.exports end
  end
  local child = new_file_record(key, record)
  local fn, message
  if sub(key, -5) ~= ".json" then
    fn, message = compile(child, nil, chunkname)
    if not fn then
      error(message, 0)
    end
  end
  cache[key] = child
  return run_module(child, fn, name_for_chunk or id, key)
end

-- A loader for package.searchers: runs the file as a module of the requiring record. When the
-- same name loaded the same file before, package.loaded lost it since (lua5.4's way to reload),
-- and the file runs again; else a file already loaded by path is the same module, as in Node.
local function file_loader(record, key, chunkname, again)
  return function(name, extra)
    return load_file(record, key, name, chunkname, name, again)
  end
end

-- Resolve a path id (./x, ../x, /x, #x) from a record's directory. Returns the cache key, or nil
-- and the locations tried when nothing is there; raises on other resolution errors.
local function resolve_path_id(record, dir, id, realm, level)
  local resolve = realm and realm.api.resolve or resolve_native
  local kind, found, display, tried = resolve(dir, id, nil, false)
  if kind then
    displays[found] = display
    return found
  end
  if found == "MODULE_NOT_FOUND" then return nil, display, tried end
  error(where() .. found .. ": " .. display .. require_stack(record), 0)
end

-- package.searchers[2]: Hype's own searcher. For a built-in's name: a file of that name on
-- package.path (as lua5.4 finds it), else the built-in. For other names: the packages in
-- hype_modules/ and node_modules/ up from the requiring file (and self-reference), then
-- package.path, as lua5.4's Lua searcher does, with its messages.
local function package_path(pkg)
  local path = pkg.path
  if type(path) ~= "string" then error("'package.path' must be a string", 0) end
  return path
end

-- A loader for a rock's C module (hype_modules/rocks:NAME/lib/a/b.so), opened as lua5.4's C
-- searcher opens one (loadlib.c's loadfunc): luaopen_ and the name with dots as underscores, up to
-- a hyphen, else the part after it. The rock's own realm needs native for it.
local function native_loader(key)
  return function(name)
    local realm = realm_for(key)
    if realm then realm.api.check("native", key, "require") end
    local modname = gsub(name, "%.", "_")
    local mark = find(modname, "-", 1, true)
    local open, message
    if mark then
      open, message = package.loadlib(key, "luaopen_" .. sub(modname, 1, mark - 1))
      modname = sub(modname, mark + 1)
    end
    if not open then open, message = package.loadlib(key, "luaopen_" .. modname) end
    if not open then
      error("error loading module '" .. name .. "' from file '" .. key .. "':\n\t" .. tostring(message), 0)
    end
    return open(name, key)
  end
end

-- Ask a resolver (the project's, or a realm's, which denies what the realm may not load) for a
-- name: a loader and the file, or nothing, with the locations it tried added to `lines`. A rock's
-- module (kind "rock") loads as lua5.4 loads one from package.path or package.cpath.
local function by_resolver(resolve, record, dir, name, path, keys, lines)
  local kind, found, display, tried = resolve(dir, name, path, false)
  if kind == "rock" and (sub(found, -3) == ".so" or sub(found, -4) == ".dll") then
    displays[found] = display
    return native_loader(found), found
  end
  if kind == "file" or kind == "lua_path" or kind == "rock" then
    displays[found] = display
    local again = keys[name] == found
    keys[name] = found
    return file_loader(record, found, nil, again), found
  elseif kind == nil and found ~= "MODULE_NOT_FOUND" then
    error(found .. ": " .. display, 0)
  end
  for _, location in ipairs(tried or {}) do lines[#lines + 1] = "no file '" .. location .. "'" end
end

local function make_searcher(realm)
  local pkg = realm and realm.package or package
  return function(name)
    if type(name) ~= "string" then name = tostring(name) end
    local record = current and (not realm or record_realm[current] == realm) and current
        or (realm and realm.eval_record or eval_module)
    local dir = record_dir[record]
    local keys = realm and realm.name_keys or name_keys
    if realm then
      -- A package: the built-ins, its own files and other packages by name; package.path only
      -- within what its realm may load (the realm's resolve denies the rest).
      if builtin_names[name] then
        return function() return load_builtin(name, realm) end, "hype:" .. name
      end
      local lines = {}
      local loader, file = by_resolver(realm.api.resolve, record, dir, name, package_path(pkg), keys, lines)
      if loader then return loader, file end
      return concat(lines, "\n\t")
    end
    local lines = {}
    if not builtin_names[name] and not is_path_id(name) then
      local loader, file = by_resolver(resolve_native, record, dir, name, nil, keys, lines)
      if loader then return loader, file end
    end
    local file, message = searchpath(name, package_path(pkg))
    if file then
      local key, display = canonical_native(file)
      displays[key] = display
      local again = keys[name] == key
      keys[name] = key
      return file_loader(record, key, "@" .. file, again), file
    end
    if builtin_names[name] then
      return function() return load_builtin(name, realm) end, "hype:" .. name
    end
    lines[#lines + 1] = message
    return concat(lines, "\n\t")
  end
end

-- Lua's require over the searchers of `pkg`, with `record` as the requiring module.
local function lua_require(record, id, realm, loaded)
  local pkg = realm and realm.package or package
  local searchers = pkg.searchers
  if type(searchers) ~= "table" then error("'package.searchers' must be a table", 0) end
  local saved <close> = setmetatable({ current }, CONTEXT_MT)
  current = record
  local messages = {}
  local loader, extra
  local i = 1
  while true do
    local searcher = rawget(searchers, i)
    if searcher == nil then
      error("module '" .. id .. "' not found:" .. concat(messages), 0)
    end
    loader, extra = searcher(id)
    if type(loader) == "function" then break end
    if type(loader) == "string" or type(loader) == "number" then
      messages[#messages + 1] = "\n\t" .. loader
    end
    i = i + 1
  end
  local value = loader(id, extra)
  if value ~= nil then loaded[id] = value end
  if loaded[id] == nil then loaded[id] = true end
  return loaded[id], extra
end

local function merge_table_utilities(realm, lib)
  table_merged[lib] = true
  if type(lib) ~= "table" then return end
  local utilities = load_builtin("table", realm)
  for k, v in pairs(utilities) do
    if rawget(lib, k) == nil then rawset(lib, k, v) end
  end
end

local function check_id(id)
  local t = type(id)
  if t == "number" then return tostring(id) end
  if t ~= "string" then
    error("bad argument #1 to 'require' (string expected, got " .. (id == nil and "no value" or t) .. ")", 3)
  end
  return id
end

local function require_path(record, ids, dir, id, realm)
  local key = ids[id]
  local tried
  if not key then
    local _
    key, _, tried = resolve_path_id(record, dir, id, realm, 2)
    if key then ids[id] = key end
  end
  if key then
    local cached = cache[key]
    if cached then
      if cached.loaded then return cached.exports end
      return circular(record, cached)
    end
    return (load_file(record, key, id))
  end
  -- Nothing at the path: lua5.4 would ask package.searchers (require("../a.b") finds a/b.lua on
  -- package.path). Report both when they find nothing either.
  local loaded = realm and realm.loaded or LOADED
  local value = loaded[id]
  if value then return value end
  local ok, result, extra = pcall(lua_require, record, id, realm, loaded)
  if ok then return result, extra end
  if type(result) ~= "string" or not find(result, "not found:", 1, true) then error(result, 0) end
  local text = "cannot find module '" .. id .. "' required by " .. display_of(record)
  local lines = {}
  for _, location in ipairs(tried or {}) do lines[#lines + 1] = "  " .. location end
  for line in result:gmatch("\n\t([^\n]*)") do lines[#lines + 1] = "  " .. line end
  if #lines > 0 then text = text .. "\ntried, in order:\n" .. concat(lines, "\n") end
  error(where() .. text .. require_stack(record), 0)
end

local function require_slow(record, ids, dir, id, realm)
  id = check_id(id)
  if sub(id, 1, 5) == "hype:" then
    local name = sub(id, 6)
    if not builtin_names[name] then
      error("module '" .. id .. "' not found:\n\tno built-in module named '" .. name .. "'", 0)
    end
    return load_builtin(name, realm)
  end
  if is_path_id(id) then return require_path(record, ids, dir, id, realm) end
  local loaded = realm and realm.loaded or LOADED
  local value = loaded[id]
  if value then
    if id == "table" and not table_merged[value] then merge_table_utilities(realm, value) end
    return value
  end
  local result, extra = lua_require(record, id, realm, loaded)
  if id == "table" and not table_merged[result] then merge_table_utilities(realm, result) end
  return result, extra
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
    local resolve = setmetatable({
      paths = function(id) return paths_native(dir, id) end,
    }, { __call = function(_, id)
      id = check_id(id)
      if sub(id, 1, 5) == "hype:" then return id end
      if is_path_id(id) then
        local key = resolve_path_id(record, dir, id, realm, 2)
        if not key then error("cannot find module '" .. id .. "' required by " .. display_of(record), 2) end
        return key
      end
      local loaded = realm and realm.loaded or LOADED
      if loaded[id] ~= nil and not (realm and realm.name_keys or name_keys)[id] then return id end
      if builtin_names[id] then return id end
      local pkg = realm and realm.package or package
      if pkg.preload[id] ~= nil then return id end
      local saved <close> = setmetatable({ current }, CONTEXT_MT)
      current = record
      local searcher = pkg.searchers[2]
      local loader, extra = searcher(id)
      if type(loader) == "function" then
        return type(extra) == "string" and sub(extra, 1, 1) ~= "/" and (canonical_native(extra)) or extra
      end
      error("module '" .. id .. "' not found:\n\t" .. tostring(loader), 2)
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
  local loaded = realm and realm.loaded or LOADED
  local keys = realm and realm.name_keys or name_keys
  local function require(_, id)
    -- The cached cases: a bare name in package.loaded (unless its file was deleted from
    -- require.cache), or a path id whose file is in require.cache.
    local value = loaded[id]
    if value and id ~= "table" then
      local key = keys[id]
      if key == nil or cache[key] then return value end
      loaded[id] = nil
    else
      local key = ids[id]
      if key then
        local cached = cache[key]
        if cached and cached.loaded then return cached.exports end
      end
    end
    return require_slow(record, ids, dir, id, realm)
  end
  local req = setmetatable({ cache = realm and realm_kit.cache_view(realm) or cache },
                           { __call = require, __index = require_index })
  require_owners[req] = { record = record, dir = dir }
  return req
end

realm_for = function(filename)
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
      realm_kit = realms_native()({ config = config, realm_api = realm_api_native, sandbox = sandbox_native, quiet = quiet,
                                    internal = internal_metatables, cache = cache, record_realm = record_realm,
                                    make_searcher = make_searcher })
    end
    realm = realm_kit.create(id, name, root)
    realms[id] = realm
    realm.loaded = realm.package.loaded
    realm.name_keys = {}
    -- Code the realm loads itself with load() requires from the package's directory.
    realm.eval_record = new_module(realm.root .. "/[" .. (name or "project") .. "]", nil, "[realm]", realm)
    local realm_require = realm.eval_record.require
    realm.globals.require = function(id) return realm_require(id) end
    realm.package.searchers[2] = make_searcher(realm)
  end
  realm_by_file[filename] = realm
  return realm
end

local api = {}

-- Run the main script as the module ".": called by the launcher chunk with the script's arguments.
function api.main(filename, display, ...)
  displays[filename] = display
  local record = new_module(filename, nil, ".", realm_for(filename) or nil)
  main_module = record
  local fn, message = compile(record)
  if not fn then error(message, 0) end
  cache[filename] = record
  return run_module(record, fn, ...)
end

-- A file run as a plain chunk in the shared globals (a test file) requires from its own directory:
-- the global require becomes that file's (a function, as the global require always is).
function api.require_from(filename, display)
  displays[filename] = display
  local file_require = new_module(filename, nil, filename, realm_for(filename) or nil).require
  G.require = function(id) return file_require(id) end
end

-- Compile the main script as the module "." without running it: the engine calls the result.
function api.main_chunk(filename, display)
  displays[filename] = display
  local record = new_module(filename, nil, ".", realm_for(filename) or nil)
  main_module = record
  local fn, message = compile(record)
  if not fn then return nil, message end
  cache[filename] = record
  record.loaded = true
  return fn
end

-- package.searchers[2] is Hype's searcher; the others stay lua5.4's (preload, C, all-in-one).
package.searchers[2] = make_searcher(nil)

-- Code outside any module (-e, the REPL, load) requires from the working directory.
-- The global require is a function, as lua5.4's is (programs test type(require) and clear the
-- globals that are not functions); a module's own require is callable and carries cache, resolve
-- and main.
eval_module = new_module(config.cwd .. "/[eval]", nil, "[eval]")
displays[eval_module.filename] = "[eval]"
do
  local eval_require = eval_module.require
  G.require = function(id) return eval_require(id) end
  -- The REPL's own chunks get the callable one, with require.resolve and require.cache.
  debug.getregistry()["hype.eval_require"] = eval_require
end

debug.getregistry()["hype.modules"] = api
