---@meta util

---Inspection, formatting, comparison and class helpers.
---@class hype.util
local util = {}

---Return a readable rendering of `value`: keys sorted, sequences as `{ 1, 2 }`, cycles as
---`<cycle>`, tables past `depth` as `{...}`. Tables too long for one line are broken over lines
---indented by `indent` (default 2; 0 keeps one line).
---@param value any
---@param options? {depth?: integer, indent?: integer|string}
---@return string
function util.inspect(value, options) end

---Format like Node: `%s` text, `%d` number, `%i` integer, `%f` float, `%j` JSON, `%o`/`%O`
---inspect, `%c` ignored, `%%` a percent sign; left-over arguments are appended with spaces.
---@param format any
---@param ... any
---@return string
function util.format(format, ...) end

---Return whether `a` and `b` hold the same values, recursively (cycles allowed; metatables ignored).
---@param a any
---@param b any
---@return boolean
function util.deepEqual(a, b) end

---Return whether `t` is a table whose keys are exactly 1..n (an empty table is, unless `json.object()` marked it).
---@param t any
---@return boolean
function util.isArray(t) end

---Make a class: `Class(...)` or `Class:new(...)` creates an instance and calls `init(...)`.
---Methods are looked up in `parent` when the class lacks them; `Class.super` is `parent`.
---@param parent? table
---@return table
function util.class(parent) end

---Make `child` inherit `parent`'s methods; sets `child.__index` (when missing) and `child.super`.
---@param child table
---@param parent table
---@return table child
function util.inherits(child, parent) end

---Return whether `obj` is an instance of `class` or of a subclass.
---@param obj any
---@param class table
---@return boolean
function util.instanceOf(obj, class) end

return util
