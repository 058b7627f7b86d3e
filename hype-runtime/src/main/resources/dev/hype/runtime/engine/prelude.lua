-- The engine prelude: runs once in every new state, before any user code.
-- It receives the natives table and returns the entry points the Java side calls.
-- Everything it keeps (the real pcall, debug.sethook, ...) stays in upvalues that scripts cannot reach.
local natives = ...

local debug, coroutine, string, io, os = debug, coroutine, string, io, os
local type, error, tostring, select, getmetatable, setmetatable, rawequal =
      type, error, tostring, select, getmetatable, setmetatable, rawequal
local raw_pcall, raw_xpcall = pcall, xpcall
local raw_sethook, raw_gethook, traceback = debug.sethook, debug.gethook, debug.traceback
local co_create, co_wrap, co_resume, co_close, co_running = coroutine.create, coroutine.wrap,
      coroutine.resume, coroutine.close, coroutine.running
local deadline_passed, interrupted = natives.deadline_passed, natives.interrupted
local raw_loadlib = package.loadlib

-- Line coverage of Hype's own Lua, for Hype's test builds only (HYPE_LUA_COVERAGE, LuaCoverage.java):
-- natives.coverage is there only then. A line hook counts the lines that run in the engine's own
-- chunks (sources "=[hype..." and "=hype:..."); LuaEngine takes the counts when the state closes.
-- Those chunks then start at line natives.coverage_from + 1 (Chunk.ofResource puts that many empty
-- lines before them), so that the hook tells a line of the program's from theirs by its number
-- alone, cheaply, and only asks for the source of theirs.
-- The hook is the engine's: a program's debug.gethook does not see it, and a hook the program
-- sets runs as it would without it (chained, below). Without natives.coverage nothing changes.
local PRELUDE = "=[hype]" -- this chunk's source
local covered = nil   -- source -> { [line] = count } for the engine's chunks, false for others
local cover_from = math.huge
local cover_line = nil -- the hook that only counts, where no hook of the program's runs
local cover_next, cover_pairs, cover_concat, cover_format = next, pairs, table.concat, string.format
local tointeger, tonumber = math.tointeger, tonumber
if natives.coverage then
  cover_from = natives.coverage_from
  local sub = string.sub
  covered = setmetatable({}, { __index = function(t, source)
    local own = sub(source, 1, 6) == "=[hype" or sub(source, 1, 6) == "=hype:"
    local lines = own and {} or false
    t[source] = lines
    return lines
  end })
  local debug_getinfo = debug.getinfo
  cover_line = function(event, line)
    if event == "line" and line > cover_from then
      local lines = covered[debug_getinfo(2, "S").source]
      if lines then lines[line] = (lines[line] or 0) + 1 end
    end
  end
  -- From here on: the rest of this chunk counts too.
  raw_sethook(cover_line, "l")
end


-- The JVM sets the C library's locale from the environment at start-up. Put it back to "C", where
-- lua5.4 runs: otherwise numbers print with the user's decimal separator, strings compare with
-- strcoll in the user's collation order, and string operations run slower. The JVM itself does
-- not depend on the C locale.
os.setlocale("C")

-- lua.c runs the collector in generational mode.
collectgarbage("generational")

-- lua5.4's package.path and package.cpath (with Debian's and LuaRocks' trees, and LUA_PATH,
-- LUA_CPATH and their _5_4 variants), computed by the engine (LuaPaths.java).
package.path, package.cpath = natives.path, natives.cpath

-- Call a Java function of the engine's. LuaJava's glue assigns the global __jthrowable__ (to nil)
-- after a Java function returns; with the key already in _G that assignment is raw, so a
-- __newindex a program set on _G does not see it. Only for functions that do not raise.
local G = _G
local rawget, rawset = rawget, rawset
local function call_java(f, ...)
  if rawget(G, "__jthrowable__") == nil then rawset(G, "__jthrowable__", false) end
  return f(...)
end

-- C modules call the Lua C API of the library Hype loaded: it is made global (RTLD_GLOBAL) before
-- the first C module loads, through the C searchers or package.loadlib.
do
  local promote, promoted = natives.promote, false
  local function promote_once()
    if not promoted then
      promoted = true
      call_java(promote)
    end
  end
  local c_searcher, croot_searcher, loadlib = package.searchers[3], package.searchers[4], package.loadlib
  package.searchers[3] = function(name) promote_once() return c_searcher(name) end
  package.searchers[4] = function(name) promote_once() return croot_searcher(name) end
  package.loadlib = function(path, funcname) promote_once() return loadlib(path, funcname) end
end

-- io.popen, os.execute and os.tmpname as a Lua built with LUA_USE_LINUX has them (PosixLibrary.java):
-- C functions bound at the first call; these check the arguments first, with lua5.4's messages.
do
  local posix_loader = natives.posix
  local c_popen, c_execute, c_tmpname = io.popen, os.execute, os.tmpname
  local bound = false
  local function bind()
    bound = true
    local fns = call_java(posix_loader)
    if fns then c_popen, c_execute, c_tmpname = fns.popen, fns.execute, fns.tmpname end
  end
  local getinfo, format = debug.getinfo, string.format

  local function typename(v)
    local mt = getmetatable(v)
    local name = type(mt) == "table" and rawget(mt, "__name")
    if type(name) == "string" then return name end
    return type(v)
  end

  -- luaL_argerror for the wrapper `level` frames up: the name its caller used, else the
  -- library's, and the caller's position.
  local function arg_error(level, n, fname, message)
    local info = getinfo(level + 1, "n")
    local name = info and info.name or fname
    error(format("bad argument #%d to '%s' (%s)", n, name, message), level + 2)
  end

  local function string_arg(n, fname, count, value, default)
    local t = type(value)
    if t == "string" then return value end
    if t == "number" then return tostring(value) end
    if default ~= nil and value == nil then return default end
    arg_error(2, n, fname, "string expected, got " .. (n > count and "no value" or typename(value)))
  end

  io.popen = function(...)
    local count, prog, mode = select("#", ...), ...
    prog = string_arg(1, "io.popen", count, prog)
    mode = string_arg(2, "io.popen", count, mode, "r")
    if mode ~= "r" and mode ~= "w" then arg_error(1, 2, "io.popen", "invalid mode") end
    if not bound then bind() end
    return c_popen(prog, mode)
  end

  os.execute = function(...)
    local count, command = select("#", ...), ...
    if not bound then bind() end
    if command == nil then return c_execute() end
    return c_execute(string_arg(1, "os.execute", count, command))
  end

  os.tmpname = function()
    if not bound then bind() end
    local name = c_tmpname()
    if not name then error("unable to generate a unique filename", 2) end
    return name
  end
end

-- What the realms of packages (modules/realms.lua) need of lua5.4's own functions, which the
-- time limit and the C modules' promotion replace: the hook functions (a permission check and
-- the operation it guards run with no hook of anyone's), package.loadlib (each realm opens its
-- own math library, with its own random generator), and the Lua library's file (or nil).
debug.getregistry()["hype.engine"] = { sethook = raw_sethook, gethook = raw_gethook, loadlib = raw_loadlib,
                                       library = natives.library }

-- LuaJava's state adds a global `java` that reaches any JVM class, and a package searcher for it.
java = nil
package.loaded.java = nil
for i = #package.searchers, 5, -1 do package.searchers[i] = nil end

-- Fatal signals (os.exit, the time limit) travel as errors that nothing can swallow, without
-- wrapping pcall, xpcall or coroutine.resume (lua5.4's own functions stay in place, so frames,
-- names and debug.getinfo read as under lua5.4). Once a signal is raised, a hook on the running
-- thread and the main thread raises it again at every instruction and at every return, including
-- the return of the pcall that caught it, until the engine takes it at the top.
local EXIT_MT = { __name = "hype.exit" }
EXIT_MT.__tostring = function(e) return "os.exit(" .. tostring(e.code) .. ")" end
local TIMEOUT = setmetatable({}, { __name = "hype.timeout", __tostring = function() return "timeout" end })
local main_thread = co_running()
local fatal = nil

local function is_fatal(e)
  return rawequal(e, TIMEOUT) or (type(e) == "table" and getmetatable(e) == EXIT_MT)
end

-- The engine's own functions that run at the top after a signal; the hook leaves them alone when
-- nothing else is on the stack.
local top_functions = setmetatable({}, { __mode = "k" })
local getinfo = debug.getinfo

local function reraise()
  local level = 2
  while true do
    local info = getinfo(level, "f")
    if not info then return end
    if not top_functions[info.func] then break end
    level = level + 1
  end
  error(fatal, 0)
end

local function raise_fatal(signal)
  fatal = signal
  -- The main thread first: once the running thread has the hook, its next instruction raises.
  raw_sethook(main_thread, reraise, "r", 1)
  raw_sethook(reraise, "r", 1)
  error(signal, 0)
end

os.exit = function(code, close)
  if code == nil or code == true then code = 0
  elseif code == false then code = 1
  elseif math.type(code) ~= "integer" then
    if type(code) == "number" and code == math.floor(code) then code = math.tointeger(code)
    elseif type(code) == "number" then error("bad argument #1 to 'exit' (number has no integer representation)", 2)
    else error("bad argument #1 to 'exit' (number expected, got " .. (code == nil and "no value" or type(code)) .. ")", 2) end
  end
  raise_fatal(setmetatable({ code = code, close = close and true or false }, EXIT_MT))
end

-- The time limit: a count hook on every coroutine, chained with any hook the script sets itself.
local HOOK_COUNT = 1000
local limited = false
local user_hooks = setmetatable({}, { __mode = "k" })

-- Instructions that run inside a hook consume the instruction count without firing the count
-- hook, so when a script's own line or call hook runs, its events check the clock too.
-- In the REPL, Ctrl-C sets a flag the same hook checks, and the running code fails with
-- "interrupted!" at the line it was running, as lua.c's SIGINT hook makes it (pcall can catch it).
local other_events = 0
local interruptible = false
local function limit_hook(event, line)
  if fatal then
    -- A line event comes before raise_fatal has set its hooks (a line hook, the program's or the
    -- coverage's, sees raise_fatal's own lines): leave raising again to those hooks.
    if event == "line" then return end
    error(fatal, 0)
  end
  if event == "count" then
    if deadline_passed() then raise_fatal(TIMEOUT) end
    if interruptible and interrupted() then error("interrupted!", 2) end
  else
    other_events = other_events + 1
    if other_events >= 64 then
      other_events = 0
      if deadline_passed() then raise_fatal(TIMEOUT) end
      if interruptible and interrupted() then error("interrupted!", 2) end
    end
  end
  local user = user_hooks[co_running()]
  if event == "line" then
    local wanted = user and user.events.line
    -- The lines of these wrappers of debug.sethook are no lines of the program's.
    if covered then
      if line > cover_from then
        local source = getinfo(2, "S").source
        local lines = covered[source]
        if lines then lines[line] = (lines[line] or 0) + 1 end
        if source == PRELUDE then return end
      end
      if not wanted then return end
    elseif wanted and getinfo(2, "S").source == PRELUDE then
      return
    end
  end
  if user and user.events[event] then return user.fn(event, line) end
end

local function install_limit(co, user)
  local mask = ""
  if user then
    user_hooks[co or co_running()] = user
    mask = user.mask
  end
  if covered then mask = mask .. "l" end
  if co then raw_sethook(co, limit_hook, mask, HOOK_COUNT) else raw_sethook(limit_hook, mask, HOOK_COUNT) end
end

local function parse_mask(mask, count)
  local events = {}
  if mask:find("c", 1, true) then events.call = true; events["tail call"] = true end
  if mask:find("r", 1, true) then events["return"] = true end
  if mask:find("l", 1, true) then events.line = true end
  if count and count > 0 then events.count = true end
  return events
end

-- debug.sethook's arguments, checked as lua5.4 checks them (errors at the line that called the
-- wrapper of debug.sethook that calls this): the thread or nil, the hook or nil, the mask, the count.
local function hook_typename(value, present)
  if not present then return "no value" end
  local mt = getmetatable(value)
  local name = type(mt) == "table" and rawget(mt, "__name")
  if type(name) == "string" then return name end
  return type(value)
end

local function bad_hook_argument(n, message)
  local info = getinfo(3, "n")
  error(cover_format("bad argument #%d to '%s' (%s)", n, info and info.name or "debug.sethook", message), 4)
end

local function check_sethook(...)
  local n = select("#", ...)
  local base, co, fn, mask, count = 0, nil, nil, nil, nil
  if n > 0 and type((...)) == "thread" then
    base, co, fn, mask, count = 1, ...
  else
    fn, mask, count = ...
  end
  if fn == nil then return co, nil end
  local kind = type(mask)
  if kind == "number" then
    mask = tostring(mask)
  elseif kind ~= "string" then
    bad_hook_argument(base + 2, "string expected, got " .. hook_typename(mask, n >= base + 2))
  end
  if type(fn) ~= "function" then bad_hook_argument(base + 1, "function expected, got " .. hook_typename(fn, true)) end
  if count ~= nil then
    local c = tointeger(count)
    if c == nil and type(count) == "string" then c = tointeger(tonumber(count)) end
    if c == nil then
      bad_hook_argument(base + 3, type(count) == "number" and "number has no integer representation"
                        or "number expected, got " .. hook_typename(count, true))
    end
    count = c
  end
  return co, fn, mask, count
end

-- The mask as lua5.4's debug.gethook shows it.
local function mask_of(events)
  return (events.call and "c" or "") .. (events["return"] and "r" or "") .. (events.line and "l" or "")
end

local function limited_sethook(...)
  local co, fn, mask, count = check_sethook(...)
  local key = co or co_running()
  if fn == nil then
    user_hooks[key] = nil
    install_limit(co, nil)
    return
  end
  mask = mask or ""
  user_hooks[key] = nil
  local events = parse_mask(mask, count)
  if cover_next(events) == nil then -- lua5.4: a hook for no event is no hook
    install_limit(co, nil)
    return
  end
  install_limit(co, { fn = fn, mask = mask_of(events), events = events, count = count })
end

local function limited_gethook(co)
  local user = user_hooks[co or co_running()]
  if user then return user.fn, user.mask, user.count or 0 end
  return nil
end

-- Coverage without a time limit: a program's hook runs inside a hook of the engine's that counts
-- lines first, on the thread it was set for. A coroutine inherits the engine's hook, as lua5.4's
-- coroutines inherit the C hook, but not the program's, which lua5.4's do not run either.
local covering_users = setmetatable({}, { __mode = "k" }) -- engine hook -> the program's hook in it

local function covering(thread, fn, mask, count)
  local events = parse_mask(mask, count)
  if cover_next(events) == nil then return nil end
  local wants_lines = events.line
  local function hook(event, line)
    if event == "line" then
      if line > cover_from then
        local source = getinfo(2, "S").source
        local lines = covered[source]
        if lines then lines[line] = (lines[line] or 0) + 1 end
        if source == PRELUDE then return end
      end
      if not wants_lines then return end
    end
    if co_running() ~= thread then return end
    return fn(event, line)
  end
  covering_users[hook] = { fn = fn, thread = thread, mask = mask_of(events) }
  return hook
end

local function covering_sethook(...)
  local co, fn, mask, count = check_sethook(...)
  local thread = co or co_running()
  local hook = fn ~= nil and covering(thread, fn, mask, count)
  if hook then raw_sethook(thread, hook, mask .. "l", count or 0) else raw_sethook(thread, cover_line, "l") end
end

local function covering_gethook(...)
  local fn, mask, count = raw_gethook(...)
  if fn == cover_line then return nil end
  local user = covering_users[fn]
  if user then
    local co = ...
    if type(co) ~= "thread" then co = co_running() end
    return user.thread == co and user.fn or nil, user.mask, count
  end
  return fn, mask, count
end

local function enable_coverage()
  debug.sethook = covering_sethook
  debug.gethook = covering_gethook
  raw_sethook(main_thread, cover_line, "l")
  debug.getregistry()["hype.engine"].cover = cover_line
end

local function enable_limits()
  if limited then return end
  limited = true
  debug.sethook = limited_sethook
  debug.gethook = limited_gethook
  coroutine.create = function(f)
    local co = co_create(f)
    install_limit(co, nil)
    return co
  end
  coroutine.wrap = function(f)
    local co = coroutine.create(f)
    return function(...)
      local res = table.pack(co_resume(co, ...))
      if res[1] then return table.unpack(res, 2, res.n) end
      local e = res[2]
      if type(e) == "string" and not is_fatal(e) then
        -- like coroutine.wrap: close the coroutine and propagate, adding position information
        co_close(co)
        error(e, 2)
      end
      error(e, 0)
    end
  end
  install_limit(nil, nil)
end

-- Tracebacks leave out the prelude's own frames and end at the outermost main chunk, as lua5.4's
-- do. Modules loaded by require are main chunks too, so the cut is at the last one.
local function clean_traceback(tb)
  local lines, last_main = {}, nil
  for line in tb:gmatch("[^\n]+") do
    lines[#lines + 1] = line
    if line:find("in main chunk", 1, true) then last_main = #lines end
  end
  local function internal(line)
    return line ~= nil and (line:find("[hype]", 1, true) or line:find("'raw_", 1, true)) ~= nil
  end
  -- Also drop what only describes internal frames: their tail-call markers, and the call to
  -- error that an internal function (such as require) made.
  local out, pending_require = {}, false
  for i = 1, last_main or #lines do
    local line = lines[i]
    local drop = internal(line)
        or (line:find("(...tail calls...)", 1, true) and internal(lines[i - 1]))
        or (line:find("in function 'error'", 1, true) and internal(lines[i + 1]))
    if drop then
      -- Frames of the module system between two user frames read as Lua's own require does.
      if line:find("[hype] modules", 1, true) and #out > 0 then pending_require = true end
    else
      if pending_require and not line:find("(...tail calls...)", 1, true) then
        out[#out + 1] = "\t[C]: in function 'require'"
      end
      pending_require = false
      out[#out + 1] = line
    end
  end
  if last_main then out[#out + 1] = "\t[C]: in ?" end
  return table.concat(out, "\n")
end

-- The message handler of the main chunk, as lua.c's: the message with a traceback appended, as a
-- string (load calls it too, for errors of a reader function). Fatal signals pass unchanged.
local last_error = nil
local function message_handler(e)
  if is_fatal(e) then return e end
  local msg = e
  if type(msg) ~= "string" then
    local mt = getmetatable(msg)
    if mt and mt.__tostring then
      msg = tostring(msg)
      if type(msg) == "string" then return msg end
    elseif type(msg) == "number" then
      msg = tostring(msg)
    else
      msg = string.format("(error object is a %s value)", type(msg))
    end
  end
  local tb = clean_traceback(traceback(msg, 2))
  last_error = { text = tb, message = msg, traceback = tb }
  return tb
end

local function flush()
  raw_pcall(io.stdout.flush, io.stdout)
  raw_pcall(io.stderr.flush, io.stderr)
end

-- Take a fatal signal at the top: the hooks it set go, the limit hook comes back.
local function take_fatal()
  local signal = fatal
  fatal = nil
  raw_sethook()
  raw_sethook(main_thread)
  if limited then install_limit(nil, user_hooks[main_thread])
  elseif covered then raw_sethook(main_thread, cover_line, "l") end
  return signal
end

-- Split what the handler returned into the message and the traceback.
local function split(e)
  if last_error and rawequal(e, last_error.text) then return last_error.message, last_error.traceback end
  return tostring(e), ""
end

-- Outcome codes shared with LuaEngine: 0 done, 1 exit (with os.exit's code and close), 2 error, 3 timeout.
local function outcome(ok, e)
  local signal = fatal and take_fatal()
  flush()
  if signal then
    if rawequal(signal, TIMEOUT) then return 3 end
    return 1, signal.code, signal.close
  end
  if ok then return 0, 0 end
  return 2, nil, split(e)
end

local entry = {}

-- The engine calls entry.xpcall(chunk, entry.handler, ...) itself, then entry.finish(ok, e).
entry.xpcall = raw_xpcall
entry.handler = message_handler
entry.finish = outcome

entry.enable_limits = enable_limits

function entry.enable_interrupts()
  interruptible = true
  enable_limits()
end

-- The REPL: evaluate a line as lua.c does, first as an expression, then as a statement.
local INCOMPLETE = "<eof>"
local function display(n, ...)
  local parts = {}
  for i = 1, n do parts[i] = tostring((select(i, ...))) end
  return table.concat(parts, "\t")
end

local function repl_results(ok, ...)
  local signal = fatal and take_fatal()
  flush()
  if signal then
    if rawequal(signal, TIMEOUT) then return 3 end
    return 1, signal.code
  end
  if ok then
    local n = select("#", ...)
    if n == 0 then return 0 end
    return 0, display(n, ...)
  end
  return 2, (split((...)))
end

-- REPL input gets the module system's callable require (with .resolve and .cache) as a local,
-- when there is one; the rest of its globals are _G's.
local registry = debug.getregistry()
local function compile(source, env)
  local req = registry["hype.eval_require"]
  if req then
    return load("local require = require; _ENV = _G; " .. source, "=stdin", "t", { require = req, _G = env or _G })
  end
  if env then return load(source, "=stdin", "t", env) end
  return load(source, "=stdin", "t")
end

function entry.repl(source, env)
  local fn, err = compile("return " .. source, env)
  if not fn then
    fn, err = compile(source, env)
  end
  if not fn then
    if err:sub(-#INCOMPLETE) == INCOMPLETE then return 4 end
    return 5, err
  end
  return repl_results(raw_xpcall(fn, message_handler))
end

-- Hand the line counts to the engine (natives.coverage, once per chunk) when the state closes.
function entry.coverage_flush()
  if not covered then return end
  raw_sethook()
  local record = natives.coverage
  for source, lines in cover_pairs(covered) do
    if lines then
      local parts, n = {}, 0
      for line, count in cover_pairs(lines) do
        n = n + 1
        parts[n] = line .. "=" .. count
      end
      if n > 0 then call_java(record, source, cover_concat(parts, ";")) end
    end
  end
end

if covered then enable_coverage() end

for _, f in ipairs({ outcome, take_fatal, repl_results, entry.repl, raw_xpcall }) do top_functions[f] = true end

return entry
