-- hype:test, part: matchers, spies, stubs and mocks.
-- TestModule joins the parts into one chunk, in order, so they share their locals.

---------------------------------------------------------------------------------------------------
-- Matchers
---------------------------------------------------------------------------------------------------

local MATCHER_MT = { __name = "hype.test.matcher" }
MATCHER_MT.__call = function(self, value) return self.predicate(value) end

local function make_matcher(predicate, description)
  return setmetatable({ predicate = predicate, description = description }, MATCHER_MT)
end

local function is_matcher(v) return getmetatable(v) == MATCHER_MT end

local function matcher_def(names, build)
  for _, name in ipairs(names) do
    namespaces.matcher[name] = { name = name, callback = build }
  end
end

matcher_def({ "_" }, function() return function() return true end end)
for _, t in ipairs({ "boolean", "number", "string", "table", "nil", "userdata", "function", "thread" }) do
  matcher_def({ t }, function() return function(v) return type(v) == t end end)
end
matcher_def({ "truthy" }, function() return function(v) return v ~= nil and v ~= false end end)
matcher_def({ "falsy" }, function() return function(v) return v == nil or v == false end end)
matcher_def({ "true" }, function() return function(v) return v == true end end)
matcher_def({ "false" }, function() return function(v) return v == false end end)
matcher_def({ "equals", "equal" }, function(_, args) return function(v) return v == args[1] end end)
matcher_def({ "same" }, function(_, args)
  return function(v)
    if type(v) == "table" and type(args[1]) == "table" then return deepcompare(args[1], v, true) end
    return v == args[1]
  end
end)
matcher_def({ "ref" }, function(_, args) return function(v) return rawequal(v, args[1]) end end)
matcher_def({ "matches", "match" }, function(_, args)
  return function(v)
    if type(v) == "number" then v = tostring(v) end
    return type(v) == "string" and v:find(args[1], args[2], args[3]) ~= nil
  end
end)
matcher_def({ "near" }, function(_, args)
  return function(v)
    return type(v) == "number" and v >= args[1] - args[2] and v <= args[1] + args[2]
  end
end)
matcher_def({ "type" }, function(_, args) return function(v) return type(v) == args[1] end end)
matcher_def({ "all_of" }, function(_, args)
  return function(v)
    for i = 1, args.n do if not args[i](v) then return false end end
    return true
  end
end)
matcher_def({ "any_of" }, function(_, args)
  return function(v)
    for i = 1, args.n do if args[i](v) then return true end end
    return false
  end
end)
matcher_def({ "none_of" }, function(_, args)
  return function(v)
    for i = 1, args.n do if args[i](v) then return false end end
    return true
  end
end)

local match_state_mt = {}
match_state_mt.__index = function(self, key)
  if type(key) ~= "string" then return nil end
  for token in key:lower():gmatch("[^_]+") do self.tokens[#self.tokens + 1] = token end
  return self
end
match_state_mt.__call = function(self, ...)
  local tokens = self.tokens
  -- "_" itself is a matcher name, which the token splitter cannot see.
  local keys = #tokens == 0 and { "_" } or extract_keys("matcher", tokens)
  local definition
  local negated = false
  for _, key in ipairs(keys) do
    if namespaces.matcher[key] then definition = namespaces.matcher[key] end
    if key == "not" or key == "no" then negated = not negated end
  end
  if not definition then error("luassert: no matcher in 'match." .. concat(tokens, "_") .. "'", 2) end
  local state = { mod = not negated }
  local predicate = definition.callback(state, pack(...))
  local name = concat(tokens, "_")
  if negated then
    return make_matcher(function(v) return not predicate(v) end, name)
  end
  return make_matcher(predicate, name)
end

local ANY = make_matcher(function() return true end, "_")
local match = setmetatable({}, {
  __index = function(_, key)
    if key == "_" then return ANY end
    if key == "is_matcher" then return is_matcher end
    return setmetatable({ tokens = {} }, match_state_mt)[key]
  end,
})

local function args_match(actual, specs)
  local count = math.max(actual.n or #actual, specs.n or #specs)
  for i = 1, count do
    local spec, value = specs[i], actual[i]
    if is_matcher(spec) then
      if not spec(value) then return false end
    elseif not deepcompare(spec, value, false) then
      return false
    end
  end
  return true
end

---------------------------------------------------------------------------------------------------
-- Spies, stubs and mocks
---------------------------------------------------------------------------------------------------

local SPY_MT = { __name = "hype.test.spy" }

local function shallow_args(t)
  local copy = { n = t.n }
  for i = 1, t.n do copy[i] = t[i] end
  return copy
end

local function deep_copy(v, seen)
  if type(v) ~= "table" then return v end
  seen = seen or {}
  if seen[v] then return seen[v] end
  local copy = {}
  seen[v] = copy
  for k, x in next, v do copy[deep_copy(k, seen)] = deep_copy(x, seen) end
  local mt = debug.getmetatable(v)
  if type(mt) == "table" then debug.setmetatable(copy, mt) end
  return copy
end

SPY_MT.__call = function(self, ...)
  local args = pack(...)
  local record = shallow_args(args)
  record.refs = args
  record.vals = deep_copy(args)
  self.calls[#self.calls + 1] = record
  local results = pack(self.callback(...))
  self.returnvals[#self.returnvals + 1] = shallow_args(results)
  return unpack(results, 1, results.n)
end

local spy = {}

function spy.new(callback)
  if callback == nil then callback = function() end end
  if not callable(callback) then
    error("Cannot spy on type '" .. type(callback) .. "', only on functions or callable elements", 2)
  end
  local s = setmetatable({ calls = {}, returnvals = {}, callback = callback }, SPY_MT)
  function s.revert(self)
    self = self or s
    if not self.reverted then
      if self.target_table ~= nil and self.target_key ~= nil then
        self.target_table[self.target_key] = self.original
      end
      self.reverted = true
    end
    return self.original or self.callback
  end
  function s.clear(self)
    self = self or s
    self.calls, self.returnvals = {}, {}
    return self
  end
  function s.called(self, times, compare)
    if times or compare then
      compare = compare or function(count, expected) return count == expected end
      return compare(#self.calls, times), #self.calls
    end
    return #self.calls > 0, #self.calls
  end
  function s.called_with(self, args)
    for _, call in ipairs(self.calls) do
      if args_match(call.vals or call, args) or args_match(call, args) then return true end
    end
    return false
  end
  function s.returned_with(self, args)
    for _, values in ipairs(self.returnvals) do
      if args_match(values, args) then return true end
    end
    return false
  end
  assert:add_spy(s)
  return s
end

function spy.is_spy(v) return getmetatable(v) == SPY_MT end
spy._ = ANY

function spy.on(target, key)
  local original = target[key]
  local s = spy.new(original)
  s.target_table, s.target_key, s.original = target, key, original
  target[key] = s
  return s
end

setmetatable(spy, { __call = function(_, ...) return spy.new(...) end })

local function spy_payload(state, name)
  local payload = rawget(state, "payload")
  if type(payload) == "function" then
    error("luassert: '" .. name .. "' needs the spy that replaced the function, not the original function", 4)
  end
  if not spy.is_spy(payload) then
    error("luassert: '" .. name .. "' must be chained after 'spy(aspy)' or 'stub(astub)'", 4)
  end
  return payload
end

local function called_assertion(compare)
  return function(state, args)
    local s = spy_payload(state, "called")
    local times = args[1]
    if times == nil and not state.mod then
      state.mod = true
      times = 0
    end
    local ok, count = s:called(times, compare)
    state.call_count = count
    state.expected_times = times
    return ok
  end
end

local function describe_called(word)
  return function(state, _, positive)
    local times = rawget(state, "expected_times")
    return "Expected the spy " .. (positive and "" or "not ") .. "to be called "
      .. (times and (word .. tostring(times) .. " time(s)") or "at least once")
      .. ", but it was called " .. tostring(rawget(state, "call_count")) .. " time(s)"
  end
end

builtin({ "called" }, called_assertion(nil), describe_called(""))
builtin({ "called_at_least" }, called_assertion(function(c, e) return c >= e end), describe_called("at least "))
builtin({ "called_at_most" }, called_assertion(function(c, e) return c <= e end), describe_called("at most "))
builtin({ "called_more_than" }, called_assertion(function(c, e) return c > e end), describe_called("more than "))
builtin({ "called_less_than" }, called_assertion(function(c, e) return c < e end), describe_called("less than "))

local function render_calls(list)
  if #list == 0 then return "  (none)" end
  local lines = {}
  for i, call in ipairs(list) do
    local parts = {}
    for j = 1, call.n or #call do parts[j] = format_value(call[j]) end
    lines[i] = "  (" .. concat(parts, ", ") .. ")"
  end
  return concat(lines, "\n")
end

builtin({ "called_with" }, function(state, args)
  return spy_payload(state, "called_with"):called_with(args)
end, function(state, args, positive)
  local parts = {}
  for i = 1, args.n do parts[i] = format_value(args[i]) end
  return "Expected the spy " .. (positive and "" or "not ") .. "to be called with (" .. concat(parts, ", ")
    .. ")\nCalls:\n" .. render_calls(rawget(state, "payload").calls)
end)

builtin({ "returned_with" }, function(state, args)
  return spy_payload(state, "returned_with"):returned_with(args)
end, function(state, args, positive)
  local parts = {}
  for i = 1, args.n do parts[i] = format_value(args[i]) end
  return "Expected the spy " .. (positive and "" or "not ") .. "to return (" .. concat(parts, ", ")
    .. ")\nReturned:\n" .. render_calls(rawget(state, "payload").returnvals)
end)

local stub = {}

function stub.new(target, key, ...)
  local defaults = pack(...)
  local rules = {}
  local default_fn = function() return unpack(defaults, 1, defaults.n) end
  local s = spy.new(function(...)
    local args = pack(...)
    for i = #rules, 1, -1 do
      if args_match(args, rules[i].args) then return rules[i].fn(...) end
    end
    return default_fn(...)
  end)
  if target ~= nil then
    s.target_table, s.target_key, s.original = target, key, target[key]
    target[key] = s
  end
  function s.returns(...)
    local values = pack(...)
    default_fn = function() return unpack(values, 1, values.n) end
    return s
  end
  function s.invokes(fn)
    default_fn = fn
    return s
  end
  s.by_default = { returns = s.returns, invokes = s.invokes }
  function s.on_call_with(...)
    local rule = { args = pack(...), fn = function() end }
    rules[#rules + 1] = rule
    return {
      returns = function(...)
        local values = pack(...)
        rule.fn = function() return unpack(values, 1, values.n) end
        return s
      end,
      invokes = function(fn) rule.fn = fn; return s end,
    }
  end
  return s
end

function stub.is_stub(v) return spy.is_spy(v) end
setmetatable(stub, { __call = function(_, ...) return stub.new(...) end })

local mock = {}
local function mock_apply(object, dostub, seen)
  seen = seen or {}
  if seen[object] then return object end
  seen[object] = true
  for key, value in pairs(object) do
    if type(value) == "function" or spy.is_spy(value) then
      if not spy.is_spy(value) then
        if dostub then stub.new(object, key) else spy.on(object, key) end
      end
    elseif type(value) == "table" then
      mock_apply(value, dostub, seen)
    end
  end
  return object
end
function mock.new(object, dostub) return mock_apply(object, dostub) end
local function mock_walk(object, action, seen)
  seen = seen or {}
  if seen[object] then return end
  seen[object] = true
  for _, value in pairs(object) do
    if spy.is_spy(value) then action(value)
    elseif type(value) == "table" then mock_walk(value, action, seen) end
  end
end
function mock.revert(object) mock_walk(object, function(s) s:revert() end); return object end
function mock.clear(object) mock_walk(object, function(s) s:clear() end); return object end
setmetatable(mock, { __call = function(_, ...) return mock.new(...) end })
