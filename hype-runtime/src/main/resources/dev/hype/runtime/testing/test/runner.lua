-- hype:test, part: describe/it registration, filters, reporting and execution.
-- TestModule joins the parts into one chunk, in order, so they share their locals.

---------------------------------------------------------------------------------------------------
-- Blocks: describe/it registration
---------------------------------------------------------------------------------------------------

local HOOKS = { "before_each", "after_each", "lazy_setup", "lazy_teardown", "strict_setup", "strict_teardown" }

local function new_block(kind, name, parent, fn, where)
  local block = { kind = kind, name = name, parent = parent, fn = fn, where = where, children = {}, hooks = {} }
  for _, h in ipairs(HOOKS) do block.hooks[h] = {} end
  return block
end

local root = new_block("file", "", nil)
local current = root   -- the block whose body is being collected
local running = nil    -- the test being run, while its hooks and body run

local function definition_site()
  return user_location(4) or "?"
end

local function check_not_running(name)
  if running then error("'" .. name .. "' not supported inside current context block", 3) end
end

local function describe(name, fn)
  check_not_running("describe")
  if type(fn) ~= "function" and not callable(fn) then
    error("bad argument #2 to 'describe' (function expected, got " .. type(fn) .. ")", 2)
  end
  local block = new_block("describe", tostring(name), current, fn, definition_site())
  current.children[#current.children + 1] = block
  return block
end

local function insulate(name, fn)
  describe(name, fn).insulate = true
end

local function expose(name, fn)
  describe(name, fn)
end

local function it(name, fn)
  check_not_running("it")
  local kind = fn == nil and "pending" or "test"
  local test = new_block(kind, tostring(name), current, fn, definition_site())
  current.children[#current.children + 1] = test
end

local function pending(name, fn)
  if running then
    error(setmetatable({ message = tostring(name or "pending") }, PENDING_MT), 0)
  end
  local test = new_block("pending", tostring(name), current, fn, definition_site())
  current.children[#current.children + 1] = test
end

local function hook_registrar(kind)
  return function(fn)
    check_not_running(kind)
    if not callable(fn) then error("bad argument #1 to '" .. kind .. "' (function expected, got " .. type(fn) .. ")", 2) end
    local list = current.hooks[kind]
    list[#list + 1] = fn
  end
end

local function finally(fn)
  if not running then error("'finally' is only supported inside 'it'", 2) end
  running.finally[#running.finally + 1] = fn
end

local function full_name(block)
  local parts = {}
  local b = block
  while b and b.kind ~= "file" do
    insert(parts, 1, b.name)
    b = b.parent
  end
  return concat(parts, " ")
end

local function describe_path(block)
  return block.parent and full_name(block.parent) or ""
end

---------------------------------------------------------------------------------------------------
-- Options, filters, reporting
---------------------------------------------------------------------------------------------------

local function split(text)
  local list = {}
  if text then for item in text:gmatch("[^\n]+") do list[#list + 1] = item end end
  return list
end

local options = { names = {}, patterns = {}, excludes = {}, tags = {}, exclude_tags = {}, fail_fast = false }
if native.options then
  local names, patterns, excludes, tags, exclude_tags, fail_fast = native.options()
  options = { names = split(names), patterns = split(patterns), excludes = split(excludes),
    tags = split(tags), exclude_tags = split(exclude_tags), fail_fast = fail_fast }
end

local function has_tag(name, tag)
  local escaped = tag:gsub("^#", ""):gsub("%p", "%%%0")
  return name:find("#" .. escaped .. "%f[^%w_%-]") ~= nil or name:find("#" .. escaped .. "$") ~= nil
end

local function selected(name)
  if #options.names > 0 then
    local any = false
    for _, n in ipairs(options.names) do if name:find(n, 1, true) then any = true break end end
    if not any then return false end
  end
  if #options.patterns > 0 then
    local any = false
    for _, p in ipairs(options.patterns) do if name:find(p) then any = true break end end
    if not any then return false end
  end
  for _, p in ipairs(options.excludes) do if name:find(p) then return false end end
  if #options.tags > 0 then
    local any = false
    for _, t in ipairs(options.tags) do if has_tag(name, t) then any = true break end end
    if not any then return false end
  end
  for _, t in ipairs(options.exclude_tags) do if has_tag(name, t) then return false end end
  return true
end

-- A block whose name is filtered out or carries an excluded tag is skipped whole, as busted does.
local function excluded(name)
  for _, p in ipairs(options.excludes) do if name:find(p) then return true end end
  for _, t in ipairs(options.exclude_tags) do if has_tag(name, t) then return true end end
  return false
end

local counts = { passed = 0, failed = 0, error = 0, pending = 0 }

local function emit(status, path, name, where, info, seconds)
  counts[status] = counts[status] + 1
  info = info or {}
  if native.report then
    native.report(status, path, name, where or "?", info.where or "", info.message or "",
      info.traceback or "", seconds or 0)
  else
    local mark = ({ passed = "ok", failed = "FAIL", error = "ERROR", pending = "PENDING" })[status]
    io.write(mark, " ", path ~= "" and (path .. " ") or "", name, "\n")
    if status == "failed" or status == "error" then
      io.write("  ", info.where or where or "?", "\n  ", (tostring(info.message):gsub("\n", "\n  ")), "\n")
    end
  end
end

local function should_stop()
  if options.fail_fast and (counts.failed + counts.error) > 0 then return true end
  return native.should_stop ~= nil and native.should_stop()
end

local function clean_traceback(tb)
  local out, seen_user = {}, false
  for line in tb:gmatch("[^\n]+") do
    if line == "stack traceback:" then
      out[#out + 1] = line
    elseif line:find("[hype:test]", 1, true) or line:find("[hype]", 1, true)
        or line:find("[C]: in function 'error'", 1, true) or line:find("[C]: in function 'xpcall'", 1, true)
        or line:find("[C]: in ?", 1, true) or line:find("'raw_", 1, true) then
      if seen_user and line:find("[hype:test]", 1, true) then break end
    else
      out[#out + 1] = line
      seen_user = true
    end
  end
  return concat(out, "\n")
end

local function capture(e)
  local mt = getmetatable(e)
  if mt == PENDING_MT then return { kind = "pending", message = e.message } end
  local info = { traceback = clean_traceback(traceback("", 2)) }
  if mt == FAILURE_MT then
    info.kind, info.message, info.where = "failed", e.message, e.where
  else
    info.kind = "error"
    if type(e) == "string" then
      info.message = e
    elseif has_tostring(e) or type(e) == "number" then
      info.message = tostring(e)
    elseif type(e) == "table" then
      info.message = "error object: " .. inspect(e)
    else
      info.message = "(error object is a " .. type(e) .. " value)"
    end
    info.where = user_location(3)
  end
  return info
end

local function protected(fn, ...)
  local ok, info = xpcall(fn, capture, ...)
  if ok then return true end
  return false, info
end

local function status_of(info)
  return info.kind == "pending" and "pending" or (info.kind == "failed" and "failed" or "error")
end

-- An error outside any test fails as a result of its own, named as busted names it: a describe
-- body by the describe's name, a hook by the block's name and the hook's ("outer setup").
local function block_error(block, phase, info)
  if phase then
    emit("error", full_name(block), phase, block.where, info, 0)
  else
    emit("error", describe_path(block), block.name, block.where, info, 0)
  end
end

---------------------------------------------------------------------------------------------------
-- Execution
---------------------------------------------------------------------------------------------------

local function ancestors(test)
  local chain = {}
  local b = test.parent
  while b do insert(chain, 1, b); b = b.parent end
  return chain
end

local function run_lazy_setups(chain)
  for _, b in ipairs(chain) do
    if b.lazy_ok == nil then
      b.lazy_ok = true
      for _, h in ipairs(b.hooks.lazy_setup) do
        local ok, info = protected(h)
        if not ok then
          b.lazy_ok = false
          block_error(b, "lazy_setup", info)
          break
        end
      end
    end
    if not b.lazy_ok then return false end
  end
  return true
end

local function run_test(test)
  local name = full_name(test)
  if not selected(name) or should_stop() then return end
  if test.kind == "pending" then
    emit("pending", describe_path(test), test.name, test.where, { message = "" }, 0)
    return
  end
  local chain = ancestors(test)
  if not run_lazy_setups(chain) then return end
  local started = clock()
  local status, info = "passed", nil
  running = test
  test.finally = {}
  local reached = #chain
  local hook_failed = false
  for i, b in ipairs(chain) do
    for _, h in ipairs(b.hooks.before_each) do
      local ok, e = protected(h)
      if not ok then
        -- busted reports the hook, not the test, which does not run
        block_error(b, "before_each", e)
        hook_failed = true
        break
      end
    end
    if hook_failed then reached = i; break end
  end
  if not hook_failed then
    local ok, e = protected(test.fn)
    if not ok then status, info = status_of(e), e end
    for _, f in ipairs(test.finally) do
      local ok2, e2 = protected(f)
      if not ok2 and status == "passed" then
        status, info = status_of(e2), e2
        e2.message = "finally: " .. tostring(e2.message)
      end
    end
  end
  local after_failures = {}
  for i = reached, 1, -1 do
    for _, h in ipairs(chain[i].hooks.after_each) do
      local ok, e = protected(h)
      if not ok then after_failures[#after_failures + 1] = { block = chain[i], info = e } end
    end
  end
  running = nil
  if not hook_failed then
    emit(status, describe_path(test), test.name, test.where, info, clock() - started)
  end
  for _, failure in ipairs(after_failures) do
    block_error(failure.block, "after_each", failure.info)
  end
end

local function snapshot_table(t)
  local copy = {}
  for k, v in next, t do copy[k] = v end
  return copy
end

local function restore_table(t, saved)
  for k in next, snapshot_table(t) do
    if saved[k] == nil then t[k] = nil end
  end
  for k, v in next, saved do
    if rawget(t, k) ~= v then rawset(t, k, v) end
  end
end

local function run_block(block)
  if should_stop() then return end
  if block.kind == "describe" and excluded(full_name(block)) then return end
  local saved_globals, saved_loaded
  if block.insulate then
    saved_globals, saved_loaded = snapshot_table(_G), snapshot_table(package.loaded)
  end
  local body_ok = true
  if block.kind ~= "file" then
    current = block
    local ok, info = protected(block.fn)
    current = block.parent
    if not ok then
      body_ok = false
      block_error(block, nil, info)
    end
  end
  if body_ok then
    local setup_ok = true
    for _, h in ipairs(block.hooks.strict_setup) do
      local ok, info = protected(h)
      if not ok then
        setup_ok = false
        block_error(block, "setup", info)
        break
      end
    end
    if setup_ok then
      for _, child in ipairs(block.children) do
        if child.kind == "describe" then run_block(child) else run_test(child) end
      end
    end
    if block.lazy_ok ~= nil then
      for _, h in ipairs(block.hooks.lazy_teardown) do
        local ok, info = protected(h)
        if not ok then block_error(block, "lazy_teardown", info) end
      end
    end
    for _, h in ipairs(block.hooks.strict_teardown) do
      local ok, info = protected(h)
      if not ok then block_error(block, "teardown", info) end
    end
  end
  if saved_globals then
    restore_table(_G, saved_globals)
    restore_table(package.loaded, saved_loaded)
  end
end
