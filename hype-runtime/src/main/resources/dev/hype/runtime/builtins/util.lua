-- hype:util — inspect, format, deepEqual, isArray, and class helpers for object-oriented Lua.
local native = ...
local json_encode = native.json
local type, error, tostring, tonumber, select, pairs, next, getmetatable, setmetatable, rawget, pcall =
      type, error, tostring, tonumber, select, pairs, next, getmetatable, setmetatable, rawget, pcall
local concat, sort = table.concat, table.sort
local floor, huge, mtype = math.floor, math.huge, math.type

local util = {}

local function check(ok, n, fname, expected, v)
  if not ok then
    error(("bad argument #%d to '%s' (%s expected, got %s)"):format(n, fname, expected, type(v)), 3)
  end
end

--- Return whether t is a sequence: a table whose keys are exactly 1..n. An empty table counts,
--- unless json.object() marked it.
function util.isArray(t)
  if type(t) ~= "table" then return false end
  local mt = getmetatable(t)
  local mark = type(mt) == "table" and rawget(mt, "__jsontype") or nil
  if mark == "object" then return false end
  local n = 0
  for k in pairs(t) do
    if mtype(k) ~= "integer" or k < 1 then return false end
    n = n + 1
  end
  for i = 1, n do if t[i] == nil then return false end end
  return true
end

---------------------------------------------------------------------------------------------------
-- inspect
---------------------------------------------------------------------------------------------------
local ESCAPES = { ['"'] = '\\"', ["\\"] = "\\\\", ["\n"] = "\\n", ["\r"] = "\\r", ["\t"] = "\\t",
                  ["\a"] = "\\a", ["\b"] = "\\b", ["\f"] = "\\f", ["\v"] = "\\v" }

local function quote(s)
  return '"' .. s:gsub('[%c"\\]', function(c) return ESCAPES[c] or ("\\%d"):format(c:byte()) end) .. '"'
end

local TYPE_ORDER = { number = 1, string = 2, boolean = 3 }

-- Sort keys: numbers, then strings, then booleans, then everything else by its text.
local function key_less(a, b)
  local ta, tb = type(a), type(b)
  if ta ~= tb then return (TYPE_ORDER[ta] or 4) < (TYPE_ORDER[tb] or 4) end
  if ta == "number" or ta == "string" then return a < b end
  if ta == "boolean" then return (not a) and b end
  return tostring(a) < tostring(b)
end

local function sorted_keys(t, skip_to)
  local keys = {}
  for k in pairs(t) do
    if not (mtype(k) == "integer" and k >= 1 and k <= skip_to) then keys[#keys + 1] = k end
  end
  sort(keys, key_less)
  return keys
end

local function sequence_length(t)
  local n = 0
  while t[n + 1] ~= nil do n = n + 1 end
  return n
end

local KEYWORDS = {}
for word in ("and break do else elseif end false for function goto if in local nil not or repeat "
    .. "return then true until while"):gmatch("%a+") do KEYWORDS[word] = true end

local function key_text(k, render)
  if type(k) == "string" and k:match("^[%a_][%w_]*$") and not KEYWORDS[k] then return k end
  return "[" .. render(k) .. "]"
end

local function scalar(v)
  local t = type(v)
  if t == "string" then return quote(v) end
  if t == "number" or t == "boolean" or t == "nil" then return tostring(v) end
  return "<" .. t .. ">"
end

local BREAK_LENGTH = 72

--- Return a readable rendering of v: tables with keys sorted, sequences as lists, cycles shown as
--- <cycle>, and tables deeper than options.depth as {...}. options.indent (default 2) indents
--- tables too long for one line; 0 keeps everything on one line.
function util.inspect(v, options)
  check(options == nil or type(options) == "table", 2, "inspect", "table", options)
  options = options or {}
  local max_depth = options.depth or huge
  check(type(max_depth) == "number", 2, "inspect", "depth as a number in a table", max_depth)
  local indent = options.indent or 2
  if type(indent) == "number" then indent = (" "):rep(indent) end
  check(type(indent) == "string", 2, "inspect", "indent as a number or string in a table", indent)
  local open = {}

  local function render(x, depth, pad)
    if type(x) ~= "table" then return scalar(x) end
    local mt = getmetatable(x)
    if type(mt) == "table" and rawget(mt, "__tostring") then return tostring(x) end
    if open[x] then return "<cycle>" end
    if next(x) == nil then return "{}" end
    if depth >= max_depth then return "{...}" end
    open[x] = true
    local inner = pad .. indent
    local parts = {}
    local n = sequence_length(x)
    for i = 1, n do parts[#parts + 1] = render(x[i], depth + 1, inner) end
    for _, k in ipairs(sorted_keys(x, n)) do
      parts[#parts + 1] = key_text(k, function(y) return render(y, depth + 1, inner) end)
        .. " = " .. render(x[k], depth + 1, inner)
    end
    open[x] = nil
    local flat = "{ " .. concat(parts, ", ") .. " }"
    if indent == "" or (#flat + #pad <= BREAK_LENGTH and not flat:find("\n", 1, true)) then return flat end
    return "{\n" .. inner .. concat(parts, ",\n" .. inner) .. "\n" .. pad .. "}"
  end

  return render(v, 0, "")
end

---------------------------------------------------------------------------------------------------
-- format
---------------------------------------------------------------------------------------------------
local function text_of(v)
  if type(v) == "string" then return v end
  if type(v) == "table" then
    local mt = getmetatable(v)
    if type(mt) == "table" and rawget(mt, "__tostring") then return tostring(v) end
    return util.inspect(v, { depth = 2, indent = 0 })
  end
  return tostring(v)
end

local function number_text(n)
  if n ~= n then return "NaN" end
  if n == huge then return "Infinity" end
  if n == -huge then return "-Infinity" end
  if mtype(n) == "float" and n == floor(n) and n > -2^63 and n < 2^63 then return ("%d"):format(n) end
  return tostring(n)
end

local CONVERSIONS = {
  s = text_of,
  d = function(v)
    local n = tonumber(v)
    return n and number_text(n) or "NaN"
  end,
  i = function(v)
    local n = tonumber(v)
    if not n or n ~= n or n == huge or n == -huge then return "NaN" end
    return ("%d"):format(n < 0 and -floor(-n) or floor(n))
  end,
  f = function(v)
    local n = tonumber(v)
    return n and number_text(n + 0.0) or "NaN"
  end,
  j = function(v)
    local ok, s = pcall(json_encode, v)
    if ok then return s end
    if s:find("circular reference", 1, true) then return "[Circular]" end
    error(s, 0)
  end,
  o = function(v) return util.inspect(v, { depth = 4, indent = 0 }) end,
  O = function(v) return util.inspect(v, { indent = 0 }) end,
}

--- Format like Node's util.format: %s %d %i %f %j %o %O %c and %%; arguments left over are
--- appended, separated by spaces.
function util.format(fmt, ...)
  local n = select("#", ...)
  local args = { ... }
  local used = 0
  if type(fmt) ~= "string" then
    local parts = { text_of(fmt) }
    for i = 1, n do parts[#parts + 1] = text_of(args[i]) end
    return concat(parts, " ")
  end
  local out = fmt:gsub("%%(.)", function(c)
    if c == "%" then return "%" end
    local convert = CONVERSIONS[c]
    if c == "c" then
      if used < n then used = used + 1 return "" end
      return nil
    end
    if not convert or used >= n then return nil end
    used = used + 1
    return convert(args[used])
  end)
  local parts = { out }
  for i = used + 1, n do parts[#parts + 1] = text_of(args[i]) end
  return concat(parts, " ")
end

---------------------------------------------------------------------------------------------------
-- deepEqual
---------------------------------------------------------------------------------------------------
--- Return whether a and b hold the same values, recursively (metatables are not compared; NaN
--- equals NaN; cycles are followed once).
function util.deepEqual(a, b)
  local seen = {}
  local function eq(x, y)
    if x == y then return true end
    if x ~= x and y ~= y then return true end
    if type(x) ~= "table" or type(y) ~= "table" then return false end
    local pairs_of = seen[x]
    if pairs_of and pairs_of[y] then return true end
    if not pairs_of then
      pairs_of = {}
      seen[x] = pairs_of
    end
    pairs_of[y] = true
    for k, v in pairs(x) do
      local w = y[k]
      if w == nil or not eq(v, w) then return false end
    end
    for k in pairs(y) do
      if x[k] == nil then return false end
    end
    return true
  end
  return eq(a, b)
end

---------------------------------------------------------------------------------------------------
-- classes
---------------------------------------------------------------------------------------------------
local function new_instance(class, ...)
  local obj = setmetatable({}, class)
  local init = class.init
  if init then init(obj, ...) end
  return obj
end

--- Make a class, optionally inheriting from parent: Class(...) or Class:new(...) builds an
--- instance and calls its init(...); Class.super is the parent.
function util.class(parent)
  check(parent == nil or type(parent) == "table", 1, "class", "table", parent)
  local class = {}
  class.__index = class
  class.super = parent
  class.new = new_instance
  return setmetatable(class, { __index = parent, __call = new_instance })
end

--- Make child inherit parent's methods (child keeps its own); sets child.super.
function util.inherits(child, parent)
  check(type(child) == "table", 1, "inherits", "table", child)
  check(type(parent) == "table", 2, "inherits", "table", parent)
  if rawget(child, "__index") == nil then child.__index = child end
  child.super = parent
  local mt = getmetatable(child) or {}
  mt.__index = parent
  return setmetatable(child, mt)
end

--- Return whether obj is an instance of class or of one of its subclasses.
function util.instanceOf(obj, class)
  if type(obj) ~= "table" then return false end
  local mt = getmetatable(obj)
  for _ = 1, 1000 do
    if mt == nil then return false end
    if mt == class then return true end
    local parent = getmetatable(mt)
    mt = type(parent) == "table" and parent.__index or nil
    if type(mt) ~= "table" then return false end
  end
  return false
end

return util
