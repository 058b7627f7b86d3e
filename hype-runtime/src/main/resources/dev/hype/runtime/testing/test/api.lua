-- hype:test, part: coverage hooks, captured output, the API table and module aliases.
-- TestModule joins the parts into one chunk, in order, so they share their locals.

---------------------------------------------------------------------------------------------------
-- Coverage: a line hook on the main thread and on every coroutine
---------------------------------------------------------------------------------------------------

local coverage_hits
if native.coverage then
  coverage_hits = {}
  local hits = coverage_hits
  local function hook(_, line)
    local source = getinfo(2, "S").source
    local lines = hits[source]
    if not lines then lines = {}; hits[source] = lines end
    lines[line] = (lines[line] or 0) + 1
  end
  -- name the main thread explicitly: the engine's time-limit wrapper of debug.sethook needs it
  debug.sethook(coroutine.running(), hook, "l")
  local co_create, co_resume, co_close = coroutine.create, coroutine.resume, coroutine.close
  coroutine.create = function(f)
    local co = co_create(f)
    debug.sethook(co, hook, "l")
    return co
  end
  coroutine.wrap = function(f)
    local co = coroutine.create(f)
    return function(...)
      local results = pack(co_resume(co, ...))
      if results[1] then return unpack(results, 2, results.n) end
      local e = results[2]
      if co_close then pcall(co_close, co) end
      if type(e) == "string" then error(e, 2) end
      error(e, 0)
    end
  end
end

---------------------------------------------------------------------------------------------------
-- Captured output, so parallel files report their output in order
---------------------------------------------------------------------------------------------------

-- Standard output becomes a temporary file (a real FILE*, so io.type and friends still work),
-- read back and handed to the runner when the file ends. Without a temporary file, a stand-in
-- object that forwards writes to the runner takes its place.
local finish_output = function() end
if native.output then
  local write_out = native.output
  local capture = io.tmpfile()
  if capture then
    io.stdout = capture
    io.output(capture)
    print = function(...)
      local n = select("#", ...)
      local parts = {}
      for i = 1, n do parts[i] = tostring((select(i, ...))) end
      capture:write(concat(parts, "\t"), "\n")
    end
    finish_output = function()
      local ok, text = pcall(function()
        capture:flush()
        capture:seek("set")
        return capture:read("a")
      end)
      if ok and text and text ~= "" then write_out(text) end
    end
  else
    local function text_of(v)
      if math.type(v) == "float" then return string.format("%.14g", v) end
      return tostring(v)
    end
    print = function(...)
      local n = select("#", ...)
      local parts = {}
      for i = 1, n do parts[i] = tostring((select(i, ...))) end
      write_out(concat(parts, "\t") .. "\n")
    end
    local proxy = {}
    local function write(self, ...)
      local parts = {}
      for i = 1, select("#", ...) do
        local v = select(i, ...)
        if type(v) ~= "string" and type(v) ~= "number" then
          error("bad argument #" .. i .. " to 'write' (string expected, got " .. type(v) .. ")", 2)
        end
        parts[i] = text_of(v)
      end
      write_out(concat(parts))
      return self
    end
    setmetatable(proxy, {
      __index = {
        write = write,
        flush = function(self) return self end,
        setvbuf = function() return true end,
        close = function() return nil, "cannot close standard file" end,
        seek = function() return nil, "cannot seek standard output" end,
        lines = function() error("standard output is not readable", 2) end,
        read = function() return nil, "standard output is not readable" end,
      },
      __name = "FILE*",
    })
    io.stdout = proxy
    local real_output = io.output
    local redirected = nil
    io.write = function(...)
      if redirected then return redirected:write(...) end
      return write(proxy, ...)
    end
    io.output = function(file)
      if file == nil then return redirected or proxy end
      if rawequal(file, proxy) then redirected = nil; return proxy end
      redirected = real_output(file)
      return redirected
    end
  end
end

---------------------------------------------------------------------------------------------------
-- The API table and the entry points the runner calls
---------------------------------------------------------------------------------------------------

local api = {
  describe = describe, context = describe, insulate = insulate, expose = expose,
  it = it, spec = it, test = it, pending = pending,
  before_each = hook_registrar("before_each"), after_each = hook_registrar("after_each"),
  setup = hook_registrar("strict_setup"), teardown = hook_registrar("strict_teardown"),
  strict_setup = hook_registrar("strict_setup"), strict_teardown = hook_registrar("strict_teardown"),
  lazy_setup = hook_registrar("lazy_setup"), lazy_teardown = hook_registrar("lazy_teardown"),
  finally = finally,
  randomize = function() end, norandomize = function() end,
  assert = assert, spy = spy, stub = stub, mock = mock, match = match, say = say,
  inspect = inspect, diff = line_diff,
}

api.fail = function(message) fail(tostring(message)) end

-- Run everything registered so far and return the counts (the runner and `run()` both use it).
function api._execute()
  run_block(root)
  return counts.passed, counts.failed + counts.error, counts.pending
end

function api._finish()
  finish_output()
  if coverage_hits then
    debug.sethook()
    for source, lines in pairs(coverage_hits) do
      if source:sub(1, 1) == "@" then
        local parts = {}
        for line, count in pairs(lines) do parts[#parts + 1] = line .. "=" .. count end
        native.coverage(source:sub(2), concat(parts, ";"))
      end
    end
  end
end

-- Outside the runner: run the tests registered so far, print a summary, return whether all passed.
function api.run()
  local passed, failed, skipped = api._execute()
  io.write(string.format("%d passed, %d failed, %d skipped\n", passed, failed, skipped))
  return failed == 0
end

local busted = setmetatable({}, { __index = api })
busted.version = "2.2.0 (hype)"
busted.publish = function() end
busted.subscribe = function() end
busted.unsubscribe = function() end

local util = { deepcompare = deepcompare, callable = callable, hastostring = has_tostring,
  deepcopy = deep_copy, inspect = inspect }

if shared then
  local preload = package.preload
  preload["busted"] = function() return busted end
  preload["busted.runner"] = function() return function() end end
  preload["luassert"] = function() return assert end
  preload["luassert.assert"] = function() return assert end
  preload["luassert.spy"] = function() return spy end
  preload["luassert.stub"] = function() return stub end
  preload["luassert.mock"] = function() return mock end
  preload["luassert.match"] = function() return match end
  preload["luassert.util"] = function() return util end
  preload["luassert.say"] = function() return say end
  -- "say" comes last, so a package that is itself (or vendors) say tests its own copy.
  local searchers = package.searchers
  searchers[#searchers + 1] = function(name)
    if name == "say" then return function() return say end, ":hype:test:" end
    return nil
  end
  preload["hype:test"] = function() return api end
end

if native.report then
  for _, name in ipairs({ "describe", "context", "insulate", "expose", "it", "spec", "test", "pending",
      "before_each", "after_each", "setup", "teardown", "strict_setup", "strict_teardown", "lazy_setup",
      "lazy_teardown", "finally", "randomize", "assert", "spy", "stub", "mock", "match" }) do
    _G[name] = api[name]
  end
end

if shared then registry[REGISTRY_KEY] = api end
return api
