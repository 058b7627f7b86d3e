---@meta events

---Node's EventEmitter.
---@class hype.events
---@field defaultMaxListeners integer listeners per event before the leak warning (10)
---@field EventEmitter hype.EventEmitter
local events = {}

---@class hype.EventEmitter
---@field super? table the parent class of a class made with `extend`
---@overload fun(...): hype.EventEmitter
local EventEmitter = {}

---Create an emitter: `EventEmitter.new()` or `EventEmitter:new()`. On a subclass,
---`Subclass:new(...)` also calls the subclass's `init(...)`.
---@param class? table
---@return hype.EventEmitter
function EventEmitter.new(class, ...) end

---Make a subclass: `local Dog = EventEmitter:extend()`; define `Dog:init(...)`; `Dog:new(...)` or `Dog(...)`.
---@param parent? table
---@return table
function EventEmitter.extend(parent) end

---Add a listener; returns the emitter. Listeners get the arguments given to `emit`.
---@param name any
---@param fn function
---@return self
function EventEmitter:on(name, fn) end

---Same as `on`.
---@param name any
---@param fn function
---@return self
function EventEmitter:addListener(name, fn) end

---Add a listener for the next emit only.
---@param name any
---@param fn function
---@return self
function EventEmitter:once(name, fn) end

---Add a listener ahead of the others.
---@param name any
---@param fn function
---@return self
function EventEmitter:prependListener(name, fn) end

---Add a one-time listener ahead of the others.
---@param name any
---@param fn function
---@return self
function EventEmitter:prependOnceListener(name, fn) end

---Remove the most recently added instance of `fn`.
---@param name any
---@param fn function
---@return self
function EventEmitter:off(name, fn) end

---Same as `off`.
---@param name any
---@param fn function
---@return self
function EventEmitter:removeListener(name, fn) end

---Call the listeners of `name` in order, with the arguments; return whether there were any.
---Listeners added or removed meanwhile take effect from the next emit. `"error"` with no
---listener raises its argument.
---@param name any
---@param ... any
---@return boolean
function EventEmitter:emit(name, ...) end

---Return the number of listeners of `name` (only those equal to `fn`, when given).
---@param name any
---@param fn? function
---@return integer
function EventEmitter:listenerCount(name, fn) end

---Return a copy of the listeners of `name`, in calling order.
---@param name any
---@return function[]
function EventEmitter:listeners(name) end

---Return the names of the events that have listeners, sorted.
---@return any[]
function EventEmitter:eventNames() end

---Remove every listener of `name`, or of every event.
---@param name? any
---@return self
function EventEmitter:removeAllListeners(name) end

---Set the listener count past which a MaxListenersExceededWarning goes to stderr (0: never).
---@param n integer
---@return self
function EventEmitter:setMaxListeners(n) end

---@return integer
function EventEmitter:getMaxListeners() end

return events
