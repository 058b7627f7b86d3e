-- hype:events — Node's EventEmitter for Lua.
--
-- Each event's listeners live in an array that is replaced, never changed in place, whenever a
-- listener is added or removed; emit() walks the array it found, so changes made by listeners
-- during an emit take effect from the next emit.
local type, error, select, setmetatable, getmetatable, rawget, rawset, tostring, pairs, io =
      type, error, select, setmetatable, getmetatable, rawget, rawset, tostring, pairs, io

local events = { defaultMaxListeners = 10 }

local EventEmitter = {}
EventEmitter.__index = EventEmitter
EventEmitter.__name = "EventEmitter"
events.EventEmitter = EventEmitter

local function check(ok, n, fname, expected, v)
  if not ok then
    error(("bad argument #%d to '%s' (%s expected, got %s)"):format(n, fname, expected, type(v)), 3)
  end
end

local function is_callable(f)
  if type(f) == "function" then return true end
  local mt = getmetatable(f)
  return type(mt) == "table" and mt.__call ~= nil
end

local function check_self(self, fname)
  if type(self) ~= "table" then
    error(("calling '%s' on bad self (EventEmitter expected, got %s)"):format(fname, type(self)), 3)
  end
end

-- The listener table of an emitter, created on first use so subclasses need no constructor call.
local function registry(self)
  local reg = rawget(self, "_events")
  if not reg then
    reg = {}
    rawset(self, "_events", reg)
  end
  return reg
end

local function is_emitter_class(c)
  for _ = 1, 100 do
    if c == EventEmitter then return true end
    if type(c) ~= "table" then return false end
    local mt = getmetatable(c)
    c = type(mt) == "table" and mt.__index or nil
  end
  return false
end

--- Create an emitter: EventEmitter.new(), EventEmitter:new(), or Subclass:new(...), which calls
--- the subclass's init(...) when it has one.
function EventEmitter.new(class, ...)
  if class == nil or not is_emitter_class(class) then class = EventEmitter end
  if rawget(class, "__index") == nil then class.__index = class end
  local self = setmetatable({ _events = {} }, class)
  if class ~= EventEmitter and type(self.init) == "function" then self:init(...) end
  return self
end

--- Make a subclass: local Dog = EventEmitter:extend(); function Dog:init(name) ... end
function EventEmitter.extend(parent)
  if parent == nil then parent = EventEmitter end
  local class = setmetatable({}, { __index = parent, __call = function(c, ...) return c:new(...) end })
  class.__index = class
  class.super = parent
  return class
end

setmetatable(EventEmitter, { __call = function(c, ...) return c.new(c, ...) end })

local function count_of(list)
  return list and #list or 0
end

local function warn_leak(self, name, n)
  local warned = rawget(self, "_warned")
  if not warned then
    warned = {}
    rawset(self, "_warned", warned)
  end
  if warned[name] then return end
  warned[name] = true
  io.stderr:write(("(hype) MaxListenersExceededWarning: Possible EventEmitter memory leak detected. "
    .. "%d %s listeners added to [%s]. Use emitter:setMaxListeners() to increase limit\n")
    :format(n, tostring(name), (getmetatable(self) or {}).__name or "EventEmitter"))
end

local function add(self, fname, name, fn, once, prepend)
  check_self(self, fname)
  check(name ~= nil, 1, fname, "event name", name)
  check(is_callable(fn), 2, fname, "function", fn)
  local reg = registry(self)
  if reg.newListener then self:emit("newListener", name, fn) end
  local old = reg[name]
  local n = count_of(old)
  local list = {}
  local entry = { fn = fn, once = once }
  if prepend then
    list[1] = entry
    for i = 1, n do list[i + 1] = old[i] end
  else
    for i = 1, n do list[i] = old[i] end
    list[n + 1] = entry
  end
  reg[name] = list
  local max = self:getMaxListeners()
  if max > 0 and n + 1 > max then warn_leak(self, name, n + 1) end
  return self
end

--- Add fn as a listener for name; returns the emitter.
function EventEmitter:on(name, fn) return add(self, "on", name, fn, false, false) end
EventEmitter.addListener = EventEmitter.on

--- Add fn for the next emit of name only.
function EventEmitter:once(name, fn) return add(self, "once", name, fn, true, false) end

--- Add fn before every other listener of name.
function EventEmitter:prependListener(name, fn) return add(self, "prependListener", name, fn, false, true) end

--- Add fn before every other listener of name, for the next emit only.
function EventEmitter:prependOnceListener(name, fn) return add(self, "prependOnceListener", name, fn, true, true) end

-- Remove the entry at position i of name's listeners; report it to removeListener listeners.
local function remove_at(self, reg, name, i)
  local old = reg[name]
  local list = {}
  for j = 1, #old do if j ~= i then list[#list + 1] = old[j] end end
  reg[name] = #list > 0 and list or nil
  if reg.removeListener then self:emit("removeListener", name, old[i].fn) end
end

--- Remove the most recently added instance of fn from name's listeners; returns the emitter.
function EventEmitter:off(name, fn)
  check_self(self, "off")
  check(name ~= nil, 1, "off", "event name", name)
  check(is_callable(fn), 2, "off", "function", fn)
  local reg = registry(self)
  local list = reg[name]
  if list then
    for i = #list, 1, -1 do
      if list[i].fn == fn then
        remove_at(self, reg, name, i)
        break
      end
    end
  end
  return self
end
EventEmitter.removeListener = EventEmitter.off

--- Call name's listeners with the arguments, in order; return whether there were any. An "error"
--- event with no listener raises its first argument.
function EventEmitter:emit(name, ...)
  check_self(self, "emit")
  check(name ~= nil, 1, "emit", "event name", name)
  local reg = registry(self)
  local list = reg[name]
  if not list then
    if name == "error" then
      local e = ...
      if e == nil then error("Unhandled error.", 2) end
      if type(e) == "string" then error("Unhandled error: " .. e, 2) end
      error(e, 0)
    end
    return false
  end
  for i = 1, #list do
    local entry = list[i]
    if entry.once then
      -- Remove before calling, so a once listener that emits again is not called twice.
      local current = reg[name]
      for j = 1, current and #current or 0 do
        if current[j] == entry then
          remove_at(self, reg, name, j)
          break
        end
      end
    end
    entry.fn(...)
  end
  return true
end

--- Return how many listeners name has (only those that are fn, when fn is given).
function EventEmitter:listenerCount(name, fn)
  check_self(self, "listenerCount")
  check(name ~= nil, 1, "listenerCount", "event name", name)
  local list = registry(self)[name]
  if not list then return 0 end
  if fn == nil then return #list end
  local n = 0
  for i = 1, #list do if list[i].fn == fn then n = n + 1 end end
  return n
end

--- Return a copy of name's listeners, in calling order.
function EventEmitter:listeners(name)
  check_self(self, "listeners")
  check(name ~= nil, 1, "listeners", "event name", name)
  local list, out = registry(self)[name], {}
  for i = 1, count_of(list) do out[i] = list[i].fn end
  return out
end

--- Return the names of the events that have listeners.
function EventEmitter:eventNames()
  check_self(self, "eventNames")
  local out = {}
  for name in pairs(registry(self)) do out[#out + 1] = name end
  table.sort(out, function(a, b)
    if type(a) == type(b) and (type(a) == "string" or type(a) == "number") then return a < b end
    return type(a) < type(b)
  end)
  return out
end

local function remove_all_of(self, reg, name)
  local list = reg[name]
  if not list then return end
  if name ~= "removeListener" and reg.removeListener then
    for i = #list, 1, -1 do remove_at(self, reg, name, i) end
  else
    reg[name] = nil
  end
end

--- Remove every listener of name, or of every event when name is nil; returns the emitter.
function EventEmitter:removeAllListeners(name)
  check_self(self, "removeAllListeners")
  local reg = registry(self)
  if name ~= nil then
    remove_all_of(self, reg, name)
    return self
  end
  for _, n in ipairs(self:eventNames()) do
    if n ~= "removeListener" then remove_all_of(self, reg, n) end
  end
  reg.removeListener = nil
  return self
end

--- Warn on stderr when an event gets more than n listeners (0 or math.huge: never).
function EventEmitter:setMaxListeners(n)
  check_self(self, "setMaxListeners")
  check(type(n) == "number" and n >= 0 and n == n, 1, "setMaxListeners", "non-negative number", n)
  rawset(self, "_maxListeners", n)
  return self
end

--- Return the limit set by setMaxListeners, or events.defaultMaxListeners.
function EventEmitter:getMaxListeners()
  local n = rawget(self, "_maxListeners")
  if n == nil then n = events.defaultMaxListeners end
  return n == math.huge and 0 or n
end

return events
