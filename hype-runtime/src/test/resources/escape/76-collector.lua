-- The collector is the whole program's. A package may collect, step and count; stopping it,
-- switching its mode and tuning it answer as lua5.4 would and change nothing (app.lua checks
-- that it runs, in its mode, with its pause and step multiplier). While the project has stopped
-- it, a package can neither collect nor step it, so no finalizer runs. A check refused inside a
-- coroutine that dies of it (never closed) leaves the collector running.
-- expect: ok: 0
-- expect: ok: false
-- expect: ok: 0
-- expect: ok: true
-- expect: ok: "generational"
-- expect: ok: "incremental"
-- expect: ok: 200
-- expect: ok: 100
-- expect: ok: true
-- expect: ok: 0
-- expect: error: *bad argument #1 to 'collectgarbage' (invalid option 'bogus')*
-- expect: ok: "not finalized, not stepped"
-- expect: ok: false, true
local try = require("./try")

return function(ctx)
  return {
    try(collectgarbage, "stop"),
    try(collectgarbage, "isrunning"),
    try(collectgarbage, "restart"),
    try(collectgarbage, "isrunning"),
    try(collectgarbage, "incremental", 1, 1000, 1),
    try(collectgarbage, "generational"),
    try(collectgarbage, "setpause", 1),
    try(collectgarbage, "setstepmul", 1000),
    try(function() return collectgarbage("count") > 0 end),
    try(collectgarbage),
    try(collectgarbage, "bogus"),
    try(function()
      return ctx.with_collector_stopped(function()
        local finalized = false
        setmetatable({}, { __gc = function() finalized = true end })
        collectgarbage("collect")
        local stepped = collectgarbage("step")
        return (finalized and "finalized" or "not finalized") .. ", " .. (stepped and "stepped" or "not stepped")
      end)
    end),
    try(function()
      local co = coroutine.create(function() return io.open("{secret}") end)
      local ok = coroutine.resume(co)
      return ok, collectgarbage("isrunning")
    end),
  }
end
