-- A coroutine of the project's that runs the package's code (here through ctx.serve) can be seen
-- with coroutine.running(). While it waits in the project's code it is the project's: resuming it
-- would make the project read a file for the package, closing it would end it. While it waits in
-- the package's own code (a library that yields and resumes later), it is the package's to resume.
-- expect: error: *coroutine.resume: package 'evil' may not resume a coroutine of another realm*
-- expect: error: *coroutine.close: package 'evil' may not close a coroutine of another realm*
-- expect: ok: "suspended"
-- expect: ok: true, "ready"
-- expect: error: *coroutine.resume: package 'evil' may not resume a coroutine of another realm*
-- expect: error: *coroutine.resume: package 'evil' may not resume a coroutine of another realm*
local try = require("./try")

return function(ctx)
  local captured, waiting
  ctx.serve(function() captured = coroutine.running() end)
  local first = ctx.serve(function()
    waiting = coroutine.running()
    coroutine.yield("waiting in evil")
  end)
  assert(first == "waiting in evil")
  return {
    try(coroutine.resume, captured, "{secret}"),
    try(coroutine.close, captured),
    try(coroutine.status, captured),
    try(coroutine.resume, waiting),
    try(coroutine.resume, waiting, "{secret}"),
    try(function() return coroutine.wrap(function() return coroutine.resume(captured, "{secret}") end)() end),
  }
end
