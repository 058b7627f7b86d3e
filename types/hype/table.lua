---@meta table

---`require("table")`: Lua's table library plus functional helpers. The global `table` is unchanged.
---@class hype.table: tablelib
local T = {}

---Return a new sequence of `fn(value, index, t)`.
---@generic V, R
---@param t V[]
---@param fn fun(value: V, index: integer, t: V[]): R
---@return R[]
function T.map(t, fn) end

---Return the elements for which `fn(value, index, t)` is true.
---@generic V
---@param t V[]
---@param fn fun(value: V, index: integer, t: V[]): any
---@return V[]
function T.filter(t, fn) end

---Fold from the left: `acc = fn(acc, value, index, t)`, starting at `init` (or `t[1]`).
---@generic V, A
---@param t V[]
---@param fn fun(acc: A, value: V, index: integer, t: V[]): A
---@param init? A
---@return A
function T.reduce(t, fn, init) end

---Return the first element for which `fn` is true, and its index.
---@generic V
---@param t V[]
---@param fn fun(value: V, index: integer, t: V[]): any
---@return V|nil value
---@return integer|nil index
function T.find(t, fn) end

---Return the keys, sorted: numbers, then strings, then the rest.
---@param t table
---@return any[]
function T.keys(t) end

---Return the values in the order of `keys(t)`.
---@param t table
---@return any[]
function T.values(t) end

---Return a new table with every argument's entries; later ones win.
---@param ... table|nil
---@return table
function T.merge(...) end

---Return a deep copy; shared and circular references stay so; metatables are kept.
---@generic V
---@param v V
---@return V
function T.deepCopy(v) end

---Return elements `i..j` as a new sequence; negative positions count from the end.
---@generic V
---@param t V[]
---@param i? integer
---@param j? integer
---@return V[]
function T.slice(t, i, j) end

---Return whether some value of `t` equals `value`.
---@param t table
---@param value any
---@return boolean
function T.contains(t, value) end

---Return whether `t` has no entries.
---@param t table
---@return boolean
function T.isEmpty(t) end

---Return the number of entries (all keys), or of those for which `fn(value, key)` is true.
---@param t table
---@param fn? fun(value: any, key: any): any
---@return integer
function T.count(t, fn) end

return T
