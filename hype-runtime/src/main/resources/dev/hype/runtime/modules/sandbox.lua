-- The globals of a restricted realm: a package under hype_modules/ (or the project under
-- --sandbox). Each realm gets its own copies of the standard library; the functions that reach
-- files, programs, the environment or native code check the realm's permissions first (the
-- `api` natives, bound in Java to that realm). debug (but traceback), package.loadlib, binary
-- chunks, string.dump and the shared globals are not reachable from here.
--
-- This chunk runs once per runtime, when the first restricted module loads, with the shared
-- metatables the realms must not change. It returns `build(api, info)`, called once per realm.
local shared = ...

local G = _G
local type, select, error, tostring, pairs, ipairs, getmetatable, setmetatable =
      type, select, error, tostring, pairs, ipairs, getmetatable, setmetatable
local raw_load, io_open, io_lines, io_popen, io_tmpfile, io_type = load, io.open, io.lines, io.popen, io.tmpfile, io.type
local stdin, stdout = io.stdin, io.stdout
local os_remove, os_rename, os_tmpname, os_execute, os_getenv, os_setlocale =
      os.remove, os.rename, os.tmpname, os.execute, os.getenv, os.setlocale
local string_dump, byte, sub, find, gmatch, format = string.dump, string.byte, string.sub, string.find, string.gmatch,
      string.format
local concat = table.concat
local traceback = debug.traceback
local package_loadlib, package_config, package_searchpath = package.loadlib, package.config, package.searchpath
local string_mt = getmetatable("")
local file_mt = getmetatable(stdout)
local tmpdir = shared.tmpdir

-- Metatables every realm shares: a realm reading one gets its own copy, so changing it changes
-- nothing for anyone else.
local protected = { [string_mt] = true, [file_mt] = true }
for _, mt in ipairs(shared.internal) do protected[mt] = true end

local function copy(t)
  local c = {}
  for k, v in pairs(t) do c[k] = v end
  return c
end

local function arg_error(n, fname, expected, value)
  error(format("bad argument #%d to '%s' (%s expected, got %s)", n, fname, expected,
    value == nil and "no value" or type(value)), 3)
end

local function string_arg(value, n, fname)
  local t = type(value)
  if t ~= "string" and t ~= "number" then arg_error(n, fname, "string", value) end
  return tostring(value)
end

-- Replace every `old` in `s` with `new`, as text (luaL_gsub).
local function replace(s, old, new)
  local out, start = {}, 1
  while true do
    local i, j = find(s, old, start, true)
    if not i then break end
    out[#out + 1] = sub(s, start, i - 1)
    out[#out + 1] = new
    start = j + 1
  end
  out[#out + 1] = sub(s, start)
  return concat(out)
end

local BASE = { "assert", "error", "ipairs", "next", "pairs", "pcall", "print", "rawequal", "rawget", "rawlen",
               "rawset", "select", "setmetatable", "tonumber", "tostring", "type", "xpcall", "collectgarbage",
               "warn", "_VERSION" }

return function(api, info)
  local check, allows = api.check, api.allows
  local E = {}
  for _, name in ipairs(BASE) do E[name] = G[name] end
  E._G = E

  -- The standard libraries, copied: a realm changing string.format changes only its own.
  E.string = copy(G.string)
  E.table = copy(G.table)
  E.math = copy(G.math)
  E.utf8 = copy(G.utf8)
  E.coroutine = copy(G.coroutine)
  E.debug = { traceback = traceback }
  if G.arg then E.arg = copy(G.arg) end

  local native = allows("native")

  E.string.dump = function(fn, strip)
    check("native", "", "string.dump")
    return string_dump(fn, strip)
  end

  -- ("").dump is the shared string.dump, which finds restricted callers on the stack; as the
  -- first function of a coroutine it has no caller to find, so the realm refuses that here.
  local co_create, co_wrap = E.coroutine.create, E.coroutine.wrap
  E.coroutine.create = function(fn)
    if fn == string_dump then check("native", "", "string.dump") end
    return co_create(fn)
  end
  E.coroutine.wrap = function(fn)
    if fn == string_dump then check("native", "", "string.dump") end
    return co_wrap(fn)
  end

  local views = {}
  E.getmetatable = function(value)
    local mt = getmetatable(value)
    if type(mt) == "table" and protected[mt] then
      local view = views[mt]
      if not view then
        view = copy(mt)
        if mt == string_mt then
          view.__index = E.string
        elseif type(mt.__index) == "table" then
          view.__index = copy(mt.__index)
        end
        views[mt] = view
      end
      return view
    end
    return mt
  end

  -- load: text only unless the realm may load native code, and the realm's globals unless an
  -- environment is given. Without this, load("return io")() would reach the shared globals.
  local function load_chunk(chunk, name, mode, has_env, env, fname)
    if not has_env then env = E end
    -- What the chunk's frames will report as their source: string.dump looks for it.
    shared.mark(name or (type(chunk) == "string" and chunk) or "=(load)", info)
    if type(chunk) == "string" and byte(chunk, 1) == 27 then
      check("native", "", fname)
    end
    if not native then mode = "t" end
    return raw_load(chunk, name, mode, env)
  end

  E.load = function(chunk, name, mode, ...)
    return load_chunk(chunk, name, mode, select("#", ...) > 0, (...), "load")
  end

  E.loadfile = function(filename, mode, ...)
    local source
    if filename == nil then
      source = stdin:read("a")
    else
      filename = string_arg(filename, 1, "loadfile")
      check("read", filename, "loadfile")
      local file, err = io_open(filename, "rb")
      if not file then return nil, err end
      source = file:read("a")
      file:close()
    end
    if sub(source, 1, 3) == "\239\187\191" then source = sub(source, 4) end
    if sub(source, 1, 1) == "#" then source = "--" .. source end
    return load_chunk(source, "@" .. (filename or "stdin"), mode, select("#", ...) > 0, (...), "loadfile")
  end

  E.dofile = function(filename)
    local fn, err = E.loadfile(filename)
    if not fn then error(err, 2) end
    return fn()
  end

  -- io: opening a file checks read and/or write by its mode; the default input and output are
  -- the realm's own, so io.output(file) here does not redirect anyone else's io.write.
  local function open(path, mode, fname)
    path = string_arg(path, 1, fname)
    local m = mode == nil and "r" or mode
    if type(m) ~= "string" then arg_error(2, fname, "string", m) end
    if find(m, "[wa+]") then check("write", path, "io." .. fname) end
    if find(m, "r") or find(m, "+", 1, true) then check("read", path, "io." .. fname) end
    return io_open(path, m)
  end

  local current_in, current_out = stdin, stdout
  local io = { stdin = stdin, stdout = stdout, stderr = io.stderr, type = io_type }
  io.open = function(path, mode) return open(path, mode, "open") end
  io.lines = function(filename, ...)
    if filename == nil then return current_in:lines(...) end
    filename = string_arg(filename, 1, "lines")
    check("read", filename, "io.lines")
    return io_lines(filename, ...)
  end
  local function select_file(file, mode, fname)
    if type(file) == "string" then
      local f, err = open(file, mode, fname)
      if not f then error(err, 3) end
      return f
    end
    if io_type(file) ~= "file" then arg_error(1, fname, "FILE*", file) end
    return file
  end
  io.input = function(file)
    if file ~= nil then current_in = select_file(file, "r", "input") end
    return current_in
  end
  io.output = function(file)
    if file ~= nil then current_out = select_file(file, "w", "output") end
    return current_out
  end
  io.read = function(...) return current_in:read(...) end
  io.write = function(...) return current_out:write(...) end
  io.close = function(file) return (file or current_out):close() end
  io.popen = function(prog, mode)
    prog = string_arg(prog, 1, "popen")
    check("run", prog, "io.popen")
    return io_popen(prog, mode)
  end
  io.tmpfile = function()
    check("write", tmpdir, "io.tmpfile")
    return io_tmpfile()
  end
  E.io = io

  E.os = {
    clock = os.clock, date = os.date, time = os.time, difftime = os.difftime, exit = os.exit,
    getenv = function(name)
      name = string_arg(name, 1, "getenv")
      check("env", name, "os.getenv")
      return os_getenv(name)
    end,
    remove = function(path)
      path = string_arg(path, 1, "remove")
      check("write", path, "os.remove")
      return os_remove(path)
    end,
    rename = function(from, to)
      from = string_arg(from, 1, "rename")
      to = string_arg(to, 2, "rename")
      check("write", from, "os.rename")
      check("write", to, "os.rename")
      return os_rename(from, to)
    end,
    tmpname = function()
      check("write", tmpdir, "os.tmpname")
      return os_tmpname()
    end,
    execute = function(command)
      if command == nil then return allows("run") end
      command = string_arg(command, 1, "execute")
      check("run", command, "os.execute")
      return os_execute(command)
    end,
    setlocale = function(locale, category)
      -- Reading the locale is harmless; setting it changes how the whole program formats numbers.
      if locale ~= nil then check("run", "setlocale " .. tostring(locale), "os.setlocale") end
      return os_setlocale(locale, category)
    end,
  }

  -- package: the realm's own loaded and preload tables and searchers (modules.lua sets [2], the
  -- module system's); loadlib and the C searchers only with native.
  local loaded = { _G = E, string = E.string, table = E.table, math = E.math, utf8 = E.utf8,
                   coroutine = E.coroutine, io = E.io, os = E.os, debug = E.debug }
  local preload = {}
  local function loadlib(lib, fn)
    lib = string_arg(lib, 1, "loadlib")
    check("native", lib, "package.loadlib")
    return package_loadlib(lib, fn)
  end
  -- As Lua's, but each candidate is checked before it is tried: a miss outside the grants
  -- would tell the package what is not there.
  local function searchpath(name, path, sep, rep)
    name = string_arg(name, 1, "searchpath")
    path = string_arg(path, 2, "searchpath")
    sep = sep == nil and "." or string_arg(sep, 3, "searchpath")
    rep = rep == nil and sub(package_config, 1, 1) or string_arg(rep, 4, "searchpath")
    if sep ~= "" then name = replace(name, sep, rep) end
    local tried = {}
    for candidate in gmatch(replace(path, "?", name) .. ";", "([^;]*);") do
      if candidate ~= "" then
        check("read", candidate, "package.searchpath")
        local file = io_open(candidate, "r")
        if file then
          file:close()
          return candidate
        end
        tried[#tried + 1] = candidate
      end
    end
    return nil, "no file '" .. concat(tried, "'\n\tno file '") .. "'"
  end
  -- lua5.4's loadfunc: luaopen_ and the name with '.' as '_', trying the part after a '-' too.
  local function loadfunc(file, modname)
    modname = replace(modname, ".", "_")
    local mark = find(modname, "-", 1, true)
    if mark then
      local f, err, where = loadlib(file, "luaopen_" .. sub(modname, 1, mark - 1))
      if f or where ~= "init" then return f, err, where end
      modname = sub(modname, mark + 1)
    end
    return loadlib(file, "luaopen_" .. modname)
  end
  -- The C searchers run only with native, which reaches everything anyway: they look for the
  -- library as lua5.4 does, and the file found is checked as native code.
  local function cpath()
    local p = E.package.cpath
    if type(p) ~= "string" then error("'package.cpath' must be a string", 0) end
    return p
  end
  local searchers = {
    function(name)
      name = string_arg(name, 1, "searcher")
      if preload[name] == nil then return "no field package.preload['" .. name .. "']" end
      return preload[name], ":preload:"
    end,
    false,
    function(name)
      if not native then return nil end
      name = string_arg(name, 1, "searcher")
      local file, message = package_searchpath(name, cpath())
      if not file then return message end
      local f, err = loadfunc(file, name)
      if not f then error(format("error loading module '%s' from file '%s':\n\t%s", name, file, err), 0) end
      return f, file
    end,
    function(name)
      if not native then return nil end
      name = string_arg(name, 1, "searcher")
      local dot = find(name, ".", 1, true)
      if not dot then return nil end
      local file, message = package_searchpath(sub(name, 1, dot - 1), cpath())
      if not file then return message end
      local f, err, where = loadfunc(file, name)
      if not f then
        if where ~= "init" then
          error(format("error loading module '%s' from file '%s':\n\t%s", name, file, err), 0)
        end
        return format("no module '%s' in file '%s'", name, file)
      end
      return f, file
    end,
  }
  E.package = {
    config = package_config, path = package.path, cpath = package.cpath, loaded = loaded, preload = preload,
    searchers = searchers, loadlib = loadlib, searchpath = searchpath,
  }
  loaded.package = E.package
  return E
end
