-- ("").dump is the project's string.dump. Run from coroutines the package makes, with only C
-- functions (pcall, xpcall, coroutine.wrap's resumer) between it and the bottom of the coroutine,
-- no frame of the package is on the coroutine's stack: the guard must still know the coroutine
-- is the package's. Each pcall's (false, error) is raised again, so each outcome is what the dump did.
-- expect: denied native string.dump
-- expect: denied native string.dump
-- expect: denied native string.dump
-- expect: denied native string.dump
-- expect: error: error in error handling
-- expect: denied native string.dump
-- expect: denied native string.dump
-- expect: denied native string.dump
-- expect: denied native string.dump
local try = require("./try")
local dump = ("").dump

-- Unwrap nested (ok, ...) results: raise the first error, else hand back what is inside.
local function inner(ok, ...)
  if not ok then error((...), 0) end
  if select("#", ...) > 0 and type((...)) == "boolean" then return inner(...) end
  return ...
end

return function(ctx)
  local cb = ctx.callback
  return {
    -- The issue's: pcall(coroutine.wrap(pcall), ("").dump, callback).
    try(function() return inner(pcall(coroutine.wrap(pcall), dump, cb)) end),
    try(function() return inner(true, coroutine.wrap(pcall)(dump, cb)) end),
    try(function() return inner(coroutine.resume(coroutine.create(pcall), dump, cb)) end),
    -- xpcall as the coroutine's body, the dump as the called function (assert, a C function, hands
    -- the error back as the message handler) and as the message handler.
    try(function() return inner(true, coroutine.wrap(xpcall)(dump, assert, cb)) end),
    try(function() return inner(true, coroutine.wrap(xpcall)(error, dump, cb)) end),
    -- Nested coroutines, the inner one resumed by the outer one's C body.
    try(function() return inner(true, coroutine.wrap(coroutine.wrap(pcall))(dump, cb)) end),
    try(function() return inner(coroutine.resume(coroutine.create(coroutine.wrap(pcall)), dump, cb)) end),
    -- The dump as the coroutine's first function, resumed through pcall.
    try(function() return inner(pcall(coroutine.wrap(dump), cb)) end),
    try(function() return inner(pcall(pcall, dump, cb)) end),
  }
end
