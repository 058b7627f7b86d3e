-- hype:table — Lua's table library plus the functional helpers programs keep rewriting. It is a
-- new table: the global `table` stays exactly as Lua defines it.
local type, error, pairs, next, select, getmetatable, setmetatable, tostring, mtype =
      type, error, pairs, next, select, getmetatable, setmetatable, tostring, math.type

local sort = table.sort

local M = {}
for name, fn in pairs(table) do M[name] = fn end

local function check_table(t, n, fname)
  if type(t) ~= "table" then
    error(("bad argument #%d to '%s' (table expected, got %s)"):format(n, fname, type(t)), 3)
  end
end

local function check_function(f, n, fname)
  if type(f) ~= "function" then
    local mt = getmetatable(f)
    if not (type(mt) == "table" and mt.__call) then
      error(("bad argument #%d to '%s' (function expected, got %s)"):format(n, fname, type(f)), 3)
    end
  end
end

--- Return a new sequence of fn(value, index, t) for each element of the sequence t.
function M.map(t, fn)
  check_table(t, 1, "map")
  check_function(fn, 2, "map")
  local out = {}
  for i = 1, #t do out[i] = fn(t[i], i, t) end
  return out
end

--- Return a new sequence of the elements of t for which fn(value, index, t) is true.
function M.filter(t, fn)
  check_table(t, 1, "filter")
  check_function(fn, 2, "filter")
  local out, n = {}, 0
  for i = 1, #t do
    local v = t[i]
    if fn(v, i, t) then
      n = n + 1
      out[n] = v
    end
  end
  return out
end

--- Fold the sequence t from the left: acc = fn(acc, value, index, t), starting from init, or from
--- t[1] when init is nil.
function M.reduce(t, fn, init)
  check_table(t, 1, "reduce")
  check_function(fn, 2, "reduce")
  local acc, first = init, 1
  if acc == nil then
    if #t == 0 then error("bad argument #1 to 'reduce' (empty table and no initial value)", 2) end
    acc, first = t[1], 2
  end
  for i = first, #t do acc = fn(acc, t[i], i, t) end
  return acc
end

--- Return the first element of the sequence t for which fn(value, index, t) is true, and its
--- index; nil when there is none.
function M.find(t, fn)
  check_table(t, 1, "find")
  check_function(fn, 2, "find")
  for i = 1, #t do
    local v = t[i]
    if fn(v, i, t) then return v, i end
  end
  return nil
end

local TYPE_ORDER = { number = 1, string = 2, boolean = 3 }

local function key_less(a, b)
  local ta, tb = type(a), type(b)
  if ta ~= tb then return (TYPE_ORDER[ta] or 4) < (TYPE_ORDER[tb] or 4) end
  if ta == "number" or ta == "string" then return a < b end
  if ta == "boolean" then return (not a) and b end
  return tostring(a) < tostring(b)
end

local function sorted_keys(t)
  local keys = {}
  for k in pairs(t) do keys[#keys + 1] = k end
  sort(keys, key_less)
  return keys
end

--- Return the keys of t as a sequence, sorted (numbers, then strings, then the rest).
function M.keys(t)
  check_table(t, 1, "keys")
  return sorted_keys(t)
end

--- Return the values of t as a sequence, in the order of keys(t).
function M.values(t)
  check_table(t, 1, "values")
  local out = {}
  for i, k in ipairs(sorted_keys(t)) do out[i] = t[k] end
  return out
end

--- Return a new table with the entries of every argument; later tables win on equal keys.
function M.merge(...)
  local out = {}
  for i = 1, select("#", ...) do
    local t = select(i, ...)
    if t ~= nil then
      check_table(t, i, "merge")
      for k, v in pairs(t) do out[k] = v end
    end
  end
  return out
end

--- Return a deep copy of v: tables (keys too) are copied, shared and circular references are kept
--- as shared and circular, and copies get the originals' metatables.
function M.deepCopy(v)
  local copies = {}
  local function copy(x)
    if type(x) ~= "table" then return x end
    local done = copies[x]
    if done then return done end
    local out = {}
    copies[x] = out
    for k, val in next, x do out[copy(k)] = copy(val) end
    return setmetatable(out, getmetatable(x))
  end
  return copy(v)
end

--- Return elements i..j of the sequence t as a new sequence, like string.sub: negative
--- positions count from the end; i defaults to 1, j to #t.
function M.slice(t, i, j)
  check_table(t, 1, "slice")
  local n = #t
  if i ~= nil and mtype(i) == nil then
    error(("bad argument #2 to 'slice' (number expected, got %s)"):format(type(i)), 2)
  end
  if j ~= nil and mtype(j) == nil then
    error(("bad argument #3 to 'slice' (number expected, got %s)"):format(type(j)), 2)
  end
  i = i or 1
  j = j or n
  if i < 0 then i = n + i + 1 end
  if j < 0 then j = n + j + 1 end
  if i < 1 then i = 1 end
  if j > n then j = n end
  local out = {}
  for k = i, j do out[#out + 1] = t[k] end
  return out
end

--- Return whether some value of t equals value.
function M.contains(t, value)
  check_table(t, 1, "contains")
  for _, v in pairs(t) do
    if v == value then return true end
  end
  return false
end

--- Return whether t has no entries at all.
function M.isEmpty(t)
  check_table(t, 1, "isEmpty")
  return next(t) == nil
end

--- Return the number of entries of t (not only the sequence part), or of those for which
--- fn(value, key) is true.
function M.count(t, fn)
  check_table(t, 1, "count")
  if fn ~= nil then check_function(fn, 2, "count") end
  local n = 0
  for k, v in pairs(t) do
    if fn == nil or fn(v, k) then n = n + 1 end
  end
  return n
end

return M
