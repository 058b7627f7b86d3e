-- hype:java — JVM interop (JavaModule). A proxy is an empty table with the metatable MT below;
-- the Java object behind it is kept on the Java side, keyed by the table's identity, and let go
-- when __gc runs. Every native takes MT first, so that it can make new proxies; nothing here hands
-- MT, the natives or the objects to user code (getmetatable answers false).
local native = ...
local pcall, error, tostring, setmetatable = pcall, error, tostring, setmetatable
local index, newindex, invoke, static, construct =
      native.index, native.newindex, native.invoke, native.static, native.construct
local import, instanceof, class, array = native.import, native.instanceof, native.class, native.array
local to_text, len, eq, release = native.tostring, native.len, native.eq, native.release

-- What index found (MemberAccess): a value, an instance method, a static method, a constructor.
local VALUE, METHOD, CONSTRUCTOR = 0, 1, 3

local MT = { __name = "java.object", __metatable = false }

-- The natives run under pcall so that their errors are raised again at the caller's line. check
-- is always tail-called, so level 2 is whoever called the function that called it.
local function check(ok, ...)
  if ok then return ... end
  error((...), 2)
end

-- obj.name for a method is one function per name, called as obj:name(...).
local methods = {}
local function method(name)
  local fn = methods[name]
  if fn == nil then
    fn = function(self, ...) return check(pcall(invoke, MT, self, name, ...)) end
    methods[name] = fn
  end
  return fn
end

-- Cls.name for a static method (and Cls.new) is bound to the class proxy, called as Cls.name(...).
local bound = setmetatable({}, { __mode = "k" })
local function static_member(cls, name, kind)
  local fns = bound[cls]
  if fns == nil then
    fns = {}
    bound[cls] = fns
  end
  local fn = fns[name]
  if fn == nil then
    if kind == CONSTRUCTOR then
      fn = function(...) return check(pcall(construct, MT, cls, ...)) end
    else
      fn = function(...) return check(pcall(static, MT, cls, name, ...)) end
    end
    fns[name] = fn
  end
  return fn
end

function MT.__index(self, key)
  local ok, kind, value = pcall(index, MT, self, key)
  if not ok then error(kind, 2) end
  if kind == VALUE then return value end
  if kind == METHOD then return method(key) end
  return static_member(self, key, kind)
end

function MT.__newindex(self, key, value)
  local ok, e = pcall(newindex, MT, self, key, value)
  if not ok then error(e, 2) end
end

function MT.__call(self, ...) return check(pcall(construct, MT, self, ...)) end
function MT.__tostring(self) return check(pcall(to_text, MT, self)) end
function MT.__len(self) return check(pcall(len, MT, self)) end
function MT.__eq(a, b) return eq(MT, a, b) end
function MT.__concat(a, b) return tostring(a) .. tostring(b) end
function MT.__gc(self) release(MT, self) end

local java = {}

--- Return a proxy for the public class or interface `name` (binary name: java.util.Map$Entry).
function java.import(name) return check(pcall(import, MT, name)) end

--- Return whether `value` is a Java object of type `type` (a name or a class proxy).
function java.instanceof(value, type) return check(pcall(instanceof, MT, value, type)) end

--- Return the class name of a Java object (int[] for arrays), or the class a class proxy stands for.
function java.class(value) return check(pcall(class, MT, value)) end

--- Return a new Java array of `type` elements: `n` zeroes, or the values of a sequence.
function java.array(type, n_or_table) return check(pcall(array, MT, type, n_or_table)) end

return java
