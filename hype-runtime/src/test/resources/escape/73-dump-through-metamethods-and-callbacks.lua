-- ("").dump called by the VM for a metamethod, by a C function for a callback, or by the
-- collector for a finalizer, in the main coroutine and in the package's own: the package is on
-- the chain of calls every time.
-- expect: denied native string.dump
-- expect: denied native string.dump
-- expect: denied native string.dump
-- expect: denied native string.dump
-- expect: denied native string.dump
-- expect: denied native string.dump
-- expect: denied native string.dump
-- expect: ok: "denied", "denied"
-- expect: denied native string.dump
-- expect: denied native string.dump
-- expect: denied native string.dump
-- expect: ok: "denied", "denied"
local try = require("./try")
local dump = ("").dump

local function inner(ok, ...)
  if not ok then error((...), 0) end
  if select("#", ...) > 0 and type((...)) == "boolean" then return inner(...) end
  return ...
end

local function denied(ok, e)
  if ok then return "dumped" end
  return type(e) == "table" and e.code == "PERMISSION_DENIED" and "denied" or tostring(e)
end

return function(ctx)
  local cb = ctx.callback
  -- Binary metamethods get the function first: cb .. t calls __concat(cb, t).
  local concat = setmetatable({}, { __concat = dump })
  local add = setmetatable({}, { __add = dump })
  local index = setmetatable({}, { __index = function(_, key) return dump(key) end })
  local callable = setmetatable({}, { __call = function(_, f) return dump(f) end })
  local gc_seen = {}
  return {
    try(function() return cb .. concat end),
    try(function() return cb + add end),
    try(function() return coroutine.wrap(function() return cb .. concat end)() end),
    try(function() return coroutine.wrap(function(t) return t[cb] end)(index) end),
    try(function() return inner(true, coroutine.wrap(pcall)(callable, cb)) end),
    -- __close: in a scope of the main coroutine, and in a coroutine closed from outside.
    try(function()
      local _ <close> = setmetatable({}, { __close = function() return dump(cb) end })
    end),
    try(function()
      local co = coroutine.create(function()
        local _ <close> = setmetatable({}, { __close = function() return dump(cb) end })
        coroutine.yield()
      end)
      coroutine.resume(co)
      return inner(coroutine.close(co))
    end),
    -- __gc: finalizers of the package's, run by the collector here and inside its coroutine.
    try(function()
      setmetatable({}, { __gc = function() gc_seen[1] = denied(pcall(dump, cb)) end })
      collectgarbage()
      coroutine.wrap(function()
        setmetatable({}, { __gc = function() gc_seen[2] = denied(pcall(dump, cb)) end })
        collectgarbage()
      end)()
      collectgarbage()
      return gc_seen[1], gc_seen[2]
    end),
    -- string.gsub's callbacks: a function, and a table whose __index is called.
    try(function() return (("x"):gsub("x", function() return dump(cb) end)) end),
    try(function()
      local repl = setmetatable({}, { __index = function() return dump(cb) end })
      return inner(true, coroutine.wrap(string.gsub)("x", "x", repl))
    end),
    -- table.sort's comparator: the result kept aside, and the dump itself as the comparator.
    try(function()
      local kept
      table.sort({ cb, cb, cb }, function(a) kept = kept or dump(a) return false end)
      return kept
    end),
    try(function()
      local results = {}
      results[1] = denied(pcall(table.sort, { cb, cb, cb }, dump))
      results[2] = denied(pcall(coroutine.wrap(table.sort), { cb, cb, cb }, dump))
      return results[1], results[2]
    end),
  }
end
