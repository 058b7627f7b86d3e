-- The globals of a restricted realm: a package under hype_modules/ (or the project under
-- --sandbox). Each realm gets its own copies of the standard library; the functions that reach
-- files, programs, the environment or native code check the realm's permissions first (the
-- `api` natives, bound in Java to that realm), with the collector and hooks held from the check
-- to the operation it guards (kit.held), so no Lua code of any realm runs in between. What Lua
-- keeps once per program is the realm's own where Lua allows it: its math library and random
-- generator, its default input and output, its warning switch, its view of collectgarbage.
-- debug (but traceback), package.loadlib, binary chunks, string.dump and the shared globals are
-- not reachable from here.
--
-- This chunk runs once per runtime, when the first restricted module loads, with the shared
-- metatables the realms must not change. It returns `build(api, info)`, called once per realm.
local shared = ...

local G = _G
local type, select, error, tostring, pairs, ipairs, getmetatable, setmetatable, rawget =
      type, select, error, tostring, pairs, ipairs, getmetatable, setmetatable, rawget
local raw_load, io_open, io_lines, io_popen, io_tmpfile, io_type = load, io.open, io.lines, io.popen, io.tmpfile, io.type
local stdin, stdout = io.stdin, io.stdout
local os_remove, os_rename, os_tmpname, os_execute, os_getenv, os_setlocale =
      os.remove, os.rename, os.tmpname, os.execute, os.getenv, os.setlocale
local string_dump, byte, sub, find, gmatch, format, unpack =
      string.dump, string.byte, string.sub, string.find, string.gmatch, string.format, string.unpack
local concat = table.concat
local traceback = debug.traceback
local gc, raw_warn = collectgarbage, warn
local co_create, co_wrap, co_resume, co_close, co_running, co_status =
      coroutine.create, coroutine.wrap, coroutine.resume, coroutine.close, coroutine.running, coroutine.status
local package_loadlib, package_config, package_searchpath = package.loadlib, package.config, package.searchpath
local string_mt = getmetatable("")
local file_mt = getmetatable(stdout)
local tmpdir, kit, internal = shared.tmpdir, shared.kit, shared.internal
local held, tag, may_drive, resume_from = kit.held, kit.tag, kit.may_drive, kit.resume

-- Metatables every realm shares: a realm reading one gets its own copy, so changing it changes
-- nothing for anyone else. Besides these, the built-ins' own (internal, filled as they load), and
-- the one metatable Lua keeps per type for numbers, booleans, functions, threads and nil.
local protected = { [string_mt] = true, [file_mt] = true }

local function is_shared(value, mt)
  if protected[mt] or internal[mt] then return true end
  local t = type(value)
  return t ~= "table" and t ~= "userdata"
end

local function copy(t)
  local c = {}
  for k, v in pairs(t) do c[k] = v end
  return c
end

local function arg_error(n, fname, expected, value)
  error(format("bad argument #%d to '%s' (%s expected, got %s)", n, fname, expected,
    value == nil and "no value" or type(value)), 3)
end

-- The Lua library's math, opened afresh: a table of the library's functions whose random and
-- randomseed share a generator of their own. Nil where the library's file is not known.
local open_math = nil

local function own_math()
  if open_math == nil then
    open_math = false
    local file = shared.library()
    if file then
      local f = shared.loadlib(file, "luaopen_math")
      if type(f) == "function" then open_math = f end
    end
  end
  if not open_math then return nil end
  local math = open_math()
  -- luaopen_math seeds from the time and the state's address, the same for every realm made in
  -- the same second: seed each from the system's random source instead.
  local source = io_open("/dev/urandom", "rb")
  if source then
    local bytes = source:read(16)
    source:close()
    if bytes and #bytes == 16 then math.randomseed(unpack("<i8i8", bytes)) end
  end
  return math
end

-- collectgarbage as a realm may use it: the collector belongs to the whole program, so a realm
-- may collect, step and count while it runs; stopping or restarting it, switching its mode and
-- tuning it are the realm's own notion, answered as lua5.4 would, and change nothing else.
local GC_OPTIONS = { stop = true, restart = true, collect = true, count = true, step = true, setpause = true,
                     setstepmul = true, isrunning = true, generational = true, incremental = true }

local function realm_collectgarbage()
  local stopped, mode, tuning = false, "generational", { setpause = 200, setstepmul = 100 }
  return function(...)
    local option = ...
    if option == nil then
      option = "collect"
    elseif type(option) == "number" then
      option = tostring(option)
    elseif type(option) ~= "string" then
      arg_error(1, "collectgarbage", "string", option)
    end
    if not GC_OPTIONS[option] then
      error(format("bad argument #1 to 'collectgarbage' (invalid option '%s')", option), 2)
    end
    if option == "count" then return gc("count") end
    if option == "collect" then
      if gc("isrunning") then gc("collect") end
      return 0
    end
    if option == "step" then
      if not gc("isrunning") then return false end
      return gc("step", select(2, ...))
    end
    if option == "isrunning" then return gc("isrunning") and not stopped end
    if option == "stop" or option == "restart" then
      stopped = option == "stop"
      return 0
    end
    if option == "generational" or option == "incremental" then
      local previous = mode
      mode = option
      return previous
    end
    local previous = tuning[option]
    local value = select(2, ...)
    if value ~= nil then tuning[option] = value end
    return previous
  end
end

-- warn as a realm may use it: "@on" and "@off" switch the realm's own warnings; its other
-- warnings go to the program's, which the project switches (hype -W, or its own warn("@on")).
local function realm_warn()
  local on = true
  return function(...)
    local n = select("#", ...)
    if n == 0 then arg_error(1, "warn", "string", nil) end
    for i = 1, n do
      local t = type((select(i, ...)))
      if t ~= "string" and t ~= "number" then arg_error(i, "warn", "string", (select(i, ...))) end
    end
    local message = ...
    if n == 1 and byte(message, 1) == 64 then -- '@': a control message
      if message == "@on" then on = true elseif message == "@off" then on = false end
      return
    end
    if on then raw_warn(...) end
  end
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
               "rawset", "select", "setmetatable", "tonumber", "tostring", "type", "xpcall", "_VERSION" }

return function(api, info)
  local check, allows = api.check, api.allows
  local E = {}
  for _, name in ipairs(BASE) do E[name] = G[name] end
  E._G = E

  -- The standard libraries, copied: a realm changing string.format changes only its own. Its
  -- math is its own library, with its own random generator.
  E.string = copy(G.string)
  E.table = copy(G.table)
  E.math = own_math() or copy(G.math)
  E.utf8 = copy(G.utf8)
  E.coroutine = copy(G.coroutine)
  E.debug = { traceback = traceback }
  E.collectgarbage = realm_collectgarbage()
  E.warn = realm_warn()
  if G.arg then E.arg = copy(G.arg) end

  local native = allows("native")

  E.string.dump = function(fn, strip)
    check("native", "", "string.dump")
    return string_dump(fn, strip)
  end

  -- Coroutines: the ones the realm makes are its own (the chain of calls string.dump looks at
  -- goes through them), and it resumes or closes another realm's only when that coroutine is not
  -- started yet or waits in the realm's own code (kit.may_drive).
  local coroutine = E.coroutine
  coroutine.create = function(fn)
    if type(fn) ~= "function" then arg_error(1, "create", "function", fn) end
    local co = co_create(fn)
    tag(co, info)
    return co
  end
  coroutine.wrap = function(fn)
    if type(fn) ~= "function" then arg_error(1, "wrap", "function", fn) end
    return co_wrap(function(...)
      tag(co_running(), info)
      return fn(...)
    end)
  end
  local function refuse(what)
    error(format("coroutine.%s: %s may not %s a coroutine of another realm that waits in that realm's code "
      .. "(a coroutine it made or started, or that waits in its own code, it may)",
      what, info.name and "package '" .. info.name .. "'" or "the sandboxed project", what), 3)
  end
  coroutine.resume = function(co, ...)
    if type(co) ~= "thread" then arg_error(1, "resume", "thread", co) end
    if co_status(co) ~= "dead" and not may_drive(info, co) then refuse("resume") end
    return resume_from(co_resume, co, ...)
  end
  coroutine.close = function(co)
    if type(co) ~= "thread" then arg_error(1, "close", "thread", co) end
    if not may_drive(info, co) then refuse("close") end
    return resume_from(co_close, co)
  end

  local views = {}
  E.getmetatable = function(value)
    local mt = getmetatable(value)
    if type(mt) == "table" and is_shared(value, mt) then
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
    local t = type(chunk)
    if t == "number" then
      chunk, t = tostring(chunk), "string"
    elseif t ~= "string" and t ~= "function" then
      arg_error(1, fname, "function", chunk)
    end
    if name == nil then
      name = t == "string" and chunk or "=(load)"
    elseif type(name) == "number" then
      name = tostring(name)
    elseif type(name) ~= "string" then
      arg_error(2, fname, "string", name)
    end
    if t == "string" and byte(chunk, 1) == 27 then
      check("native", "", fname)
    end
    if not native then mode = "t" end
    -- Compiled under a source of the realm's own (kit.source_for), shown as `name` would be.
    return raw_load(chunk, kit.source_for(name, info), mode, env)
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
      local file, err = held(function()
        check("read", filename, "loadfile")
        return io_open(filename, "rb")
      end)
      if not file then return nil, err end
      source = file:read("a")
      file:close()
    end
    if sub(source, 1, 3) == "\239\187\191" then source = sub(source, 4) end
    if sub(source, 1, 1) == "#" then source = "--" .. source end
    return load_chunk(source, filename and "@" .. filename or "=stdin", mode, select("#", ...) > 0, (...), "loadfile")
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
    return held(function()
      if find(m, "[wa+]") then check("write", path, "io." .. fname) end
      if find(m, "r") or find(m, "+", 1, true) then check("read", path, "io." .. fname) end
      return io_open(path, m)
    end)
  end

  local current_in, current_out = stdin, stdout
  local io = { stdin = stdin, stdout = stdout, stderr = io.stderr, type = io_type }
  io.open = function(path, mode) return open(path, mode, "open") end
  io.lines = function(filename, ...)
    if filename == nil then return current_in:lines(...) end
    filename = string_arg(filename, 1, "lines")
    return held(function(...)
      check("read", filename, "io.lines")
      return io_lines(filename, ...)
    end, ...)
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
    return held(function()
      check("run", prog, "io.popen")
      return io_popen(prog, mode)
    end)
  end
  io.tmpfile = function()
    return held(function()
      check("write", tmpdir, "io.tmpfile")
      return io_tmpfile()
    end)
  end
  E.io = io

  E.os = {
    clock = os.clock, date = os.date, time = os.time, difftime = os.difftime, exit = os.exit,
    getenv = function(name)
      name = string_arg(name, 1, "getenv")
      return held(function()
        check("env", name, "os.getenv")
        return os_getenv(name)
      end)
    end,
    remove = function(path)
      path = string_arg(path, 1, "remove")
      return held(function()
        check("write", path, "os.remove")
        return os_remove(path)
      end)
    end,
    rename = function(from, to)
      from = string_arg(from, 1, "rename")
      to = string_arg(to, 2, "rename")
      return held(function()
        check("write", from, "os.rename")
        check("write", to, "os.rename")
        return os_rename(from, to)
      end)
    end,
    tmpname = function()
      return held(function()
        check("write", tmpdir, "os.tmpname")
        return os_tmpname()
      end)
    end,
    execute = function(command)
      if command == nil then return allows("run") end
      command = string_arg(command, 1, "execute")
      return held(function()
        check("run", command, "os.execute")
        return os_execute(command)
      end)
    end,
    setlocale = function(locale, category)
      -- Reading the locale is harmless; setting it changes how the whole program formats numbers.
      return held(function()
        if locale ~= nil then check("run", "setlocale " .. tostring(locale), "os.setlocale") end
        return os_setlocale(locale, category)
      end)
    end,
  }

  -- package: the realm's own loaded and preload tables and searchers (modules.lua sets [2], the
  -- module system's); loadlib and the C searchers only with native.
  local loaded = { _G = E, string = E.string, table = E.table, math = E.math, utf8 = E.utf8,
                   coroutine = E.coroutine, io = E.io, os = E.os, debug = E.debug }
  local preload = {}
  local function loadlib(lib, fn)
    lib = string_arg(lib, 1, "loadlib")
    return held(function()
      check("native", lib, "package.loadlib")
      return package_loadlib(lib, fn)
    end)
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
        local file = held(function()
          check("read", candidate, "package.searchpath")
          return io_open(candidate, "r")
        end)
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
