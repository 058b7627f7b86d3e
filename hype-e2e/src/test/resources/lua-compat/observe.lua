-- Observations a Lua program can make, printed one per line. LuaCompatibilityTest runs this file
-- under hype and under lua5.4 and compares the output line by line.
local function show(label, ...)
  local parts = {}
  for i = 1, select("#", ...) do parts[i] = tostring((select(i, ...))) end
  print(label .. ": " .. table.concat(parts, " "))
end

-- Globals: the main chunk's _ENV is _G; load, dofile and modules see the same globals.
x = 1
show("globals", _ENV == _G, _G.x, load("return x")())
local dir = os.tmpname()
os.remove(dir)
os.execute("mkdir " .. dir)
local function write(name, text)
  local f = assert(io.open(dir .. "/" .. name, "w"))
  f:write(text)
  f:close()
end
write("mod_a.lua", "shared_from_a = 'set by a'; return nil")
write("mod_b.lua", "local name, file = ...; return { name = name, file = file:gsub('^.*/', '') }")
write("mod_c.lua", "package.loaded[...] = 'via package.loaded'")
write("mod_d.lua", "runs_d = (runs_d or 0) + 1; return runs_d")
package.path = dir .. "/?.lua;" .. package.path
local a, a_file = require("mod_a")
show("module returning nothing", a, a_file == dir .. "/mod_a.lua", shared_from_a)
local b = require("mod_b")
show("module arguments", b.name, b.file)
show("package.loaded idiom", (require("mod_c")))
show("cached", require("mod_d"), require("mod_d"), select("#", require("mod_d")))
package.loaded.mod_d = nil
show("reloaded after package.loaded.x = nil", (require("mod_d")))
table.insert(package.searchers, 1, function(name)
  if name == "virtual" then return function(n, extra) return n .. "+" .. extra end, "data" end
  return nil
end)
show("searcher at [1]", require("virtual"))
show("standard libraries", require("string") == string, require("table") == table, require("_G") == _G)
local ok, e = pcall(require, "no.such.module")
show("require error", ok, type(e), (e:match("^module 'no.such.module' not found:")))
local saved = package.searchers
package.searchers = 3
show("searchers not a table", select(2, pcall(require, "zzz")))
package.searchers = saved

-- Errors Lua code catches.
show("load with an erroring reader", type(select(2, load(function() error("reader failed") end))))
show("error position", select(2, pcall(error, "msg")), select(2, pcall(function() error("msg") end)))
local function where_called() return debug.getinfo(2, "n").name end
show("pcall frames", select(2, pcall(where_called)), (debug.traceback("tb", 1):gsub("\n.*", "")))
show("level 4 from main", pcall(debug.getlocal, 4, 1))

-- The OS library as on Linux.
local p = io.popen("echo popen-read; exit 3")
show("popen read", io.type(p), p:read("l"), p:close())
local lines = {}
for line in io.popen("printf 'l1\\nl2\\n'"):lines() do lines[#lines + 1] = line end
show("popen lines", table.concat(lines, ","))
local w = io.popen("cat > " .. dir .. "/written", "w")
w:write("through popen")
show("popen write", w:close(), io.open(dir .. "/written"):read("a"))
show("popen errors", pcall(io.popen), select(2, pcall(io.popen, "true", "x")))
show("execute", os.execute("exit 3"))
io.open("/nonexistent/dir/file")  -- leaves errno set in the C library
show("execute after a failed open", os.execute("exit 255"))
show("execute ok", os.execute("true"))
show("execute signal", os.execute("kill -9 $$"))
show("execute shell", os.execute())
local name = os.tmpname()
show("tmpname creates", io.open(name) ~= nil, name:match("^/tmp/lua_") ~= nil)
os.remove(name)
show("gc mode", collectgarbage("incremental"), collectgarbage("generational"))
show("warn", pcall(warn, "@on"))
os.execute("rm -r " .. dir)
