-- Attacks from inside coroutines: the code keeps its package's globals and checks whichever
-- coroutine runs it; the main coroutine cannot be closed from inside.
-- expect: denied read io.open {secret}
-- expect: denied env os.getenv HYPE_CORPUS_SECRET
-- expect: denied load require {project}/config
-- expect: ok: true, nil
-- expect: error: *cannot close a running coroutine*
-- expect: denied write io.open {outside}/pwned.txt
-- absent: {outside}/pwned.txt
local try = require("./try")
return {
  try(coroutine.wrap(function() return io.open("{secret}"):read("a") end)),
  try(function()
    local co = coroutine.create(function() coroutine.yield() return os.getenv("HYPE_CORPUS_SECRET") end)
    coroutine.resume(co)
    local ok, e = coroutine.resume(co)
    if not ok then error(e, 0) end
    return e
  end),
  try(coroutine.wrap(function() return require("../../config") end)),
  try(coroutine.wrap(function() return rawequal(load("return io")(), io), debug.getinfo end)),
  try(function() return coroutine.close((coroutine.running())) end),
  try(function()
    local inner = coroutine.wrap(function()
      return coroutine.wrap(function() return io.open("{outside}/pwned.txt", "w") end)()
    end)
    return inner()
  end),
}
