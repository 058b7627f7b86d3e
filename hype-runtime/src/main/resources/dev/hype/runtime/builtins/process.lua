-- hype:process — the running program: argv, env, cwd/chdir, exit, platform, pid, hrtime and the
-- standard streams. Writes go through io.stdout/io.stderr (C stdio), so they interleave with
-- print in the order they were made.
local native = ...
local type, error, tostring, setmetatable, rawset, select, io, os = type, error, tostring, setmetatable, rawset, select, io, os
local getenv = os.getenv

local process = {}

process.platform = native.platform()
process.arch = native.arch()
process.pid = native.pid()
process.cwd = native.cwd
process.chdir = native.chdir
process.hrtime = native.hrtime
process.versions = { lua = _VERSION:match("%d+%.%d+") }

--- Exit through os.exit, so no pcall can swallow it; code defaults to process.exitCode or 0.
function process.exit(code)
  if code == nil then code = process.exitCode or 0 end
  local t = type(code)
  if t ~= "number" and t ~= "boolean" then
    error("bad argument #1 to 'exit' (number expected, got " .. t .. ")", 2)
  elseif t == "number" and code ~= math.floor(code) then
    error("bad argument #1 to 'exit' (number has no integer representation)", 2)
  end
  os.exit(code)
end

-- process.env reads with os.getenv (the C library's environment) and writes with setenv, so a
-- change shows in os.getenv and in the children of io.popen and os.execute.
local set_env, environ = native.setenv, native.environ
-- Where the C library cannot be changed (Windows), read back through Hype's own record instead.
-- A restricted package reads through Java too, which checks its permissions.env first.
if not native.changesProcess() or native.restricted() then getenv = native.getenv end
process.env = setmetatable({}, {
  __index = function(_, name)
    if type(name) ~= "string" then return nil end
    return getenv(name)
  end,
  __newindex = function(_, name, value)
    if type(name) ~= "string" or name == "" or name:find("[=%z]") then
      error("process.env: invalid variable name " .. tostring(name), 2)
    end
    local t = type(value)
    if t == "number" or t == "boolean" then
      value = tostring(value)
    elseif t ~= "string" and t ~= "nil" then
      error("process.env: the value of " .. name .. " must be a string, number, boolean or nil, not a " .. t, 2)
    end
    if value and value:find("%z") then error("process.env: the value of " .. name .. " contains a zero byte", 2) end
    set_env(name, value)
  end,
  __pairs = function()
    return next, environ(), nil
  end,
})

-- What this code may do: true everywhere for trusted code; a package's approved permissions
-- (or the project's, under --sandbox) otherwise.
process.permissions = { has = native.has }

-- The standard streams: thin objects over io.stdout, io.stderr and io.stdin, looked up at each call.
local function check_chunks(...)
  for i = 1, select("#", ...) do
    local t = type((select(i, ...)))
    if t ~= "string" and t ~= "number" then
      error(("bad argument #%d to 'write' (string expected, got %s)"):format(i, t), 3)
    end
  end
end

local function writable(name, fd)
  local stream = { fd = fd }
  function stream:write(...)
    check_chunks(...)
    io[name]:write(...)
    return self
  end
  function stream:flush()
    io[name]:flush()
    return self
  end
  return stream
end

process.stdout = writable("stdout", 1)
process.stderr = writable("stderr", 2)
process.stdin = {
  fd = 0,
  read = function(_, ...) return io.stdin:read(...) end,
  lines = function(_, ...) return io.stdin:lines(...) end,
}

-- argv as Node lays it out, 1-based: the runtime, the script, then the arguments. Built from the
-- global `arg` on first use, so it is right however early the module is loaded.
local function build_argv()
  local a = arg
  local argv = { (a and a[-1]) or "hype" }
  if a and a[0] then
    argv[2] = a[0]
    for i = 1, #a do argv[#argv + 1] = a[i] end
  end
  return argv
end

return setmetatable(process, {
  __index = function(t, key)
    if key == "argv" then
      local argv = build_argv()
      rawset(t, "argv", argv)
      return argv
    end
  end,
})
