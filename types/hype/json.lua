---@meta json

---JSON on Jackson. Objects and arrays are tables; `json.null` stands for null.
---@class hype.json
---@field null hype.json.Null the value JSON's null decodes to, and encodes from
local json = {}

---@class hype.json.Null

---Encode `value`. A table with keys exactly 1..n is an array; others are objects with string or
---number keys; an empty table is `[]` unless marked with `json.object()`. Integers and floats
---stay apart (`1`, `1.0`). Strings must be UTF-8. Raises on functions, cycles, NaN and infinities.
---@param value any
---@param options? {indent?: integer|string, sort_keys?: boolean}
---@return string
function json.encode(value, options) end

---Decode JSON text. Integers become Lua integers, other numbers floats, null `json.null`; empty
---objects and arrays come back marked, so they encode as they were. Errors give line and column.
---@param text string
---@return any
function json.decode(text) end

---Mark `t` (or a new table) as an array.
---@generic T: table
---@param t? T
---@return T
function json.array(t) end

---Mark `t` (or a new table) as an object.
---@generic T: table
---@param t? T
---@return T
function json.object(t) end

---Return whether `v` is `json.null`.
---@param v any
---@return boolean
function json.isNull(v) end

return json
