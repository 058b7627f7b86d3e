-- hype:test, part: the luassert-compatible assert engine and its built-in assertions.
-- TestModule joins the parts into one chunk, in order, so they share their locals.

---------------------------------------------------------------------------------------------------
-- The assert engine: namespaces, chained modifiers, registration, formatters
---------------------------------------------------------------------------------------------------

local namespaces = { assertion = {}, modifier = {}, matcher = {} }
local formatters = {}
local parameters = { TableFormatLevel = 3, TableErrorHighlightCharacter = "*", TableErrorHighlightColor = "none" }
local spies_created = {}

local function format_value(v, expand)
  for i = #formatters, 1, -1 do
    local ok, s = pcall(formatters[i], v)
    if ok and s ~= nil then return tostring(s) end
  end
  return inspect(v, expand)
end

local function extract_keys(nspace, tokens)
  local keys, key, i = {}, nil, #tokens
  while i > 0 do
    key = key and (tokens[i] .. "_" .. key) or tokens[i]
    local longer = i > 1 and (tokens[i - 1] .. "_" .. key) or nil
    while i > 1 and longer and namespaces[nspace][longer] do
      key = longer
      i = i - 1
      longer = i > 1 and (tokens[i - 1] .. "_" .. key) or nil
    end
    if namespaces.modifier[key] or namespaces[nspace][key] then
      insert(keys, 1, key)
      key = nil
    end
    i = i - 1
  end
  if key then
    error("luassert: unknown modifier/" .. nspace .. ": '" .. key .. "'", 3)
  end
  return keys
end

local function failure_text(state, assertion, arguments)
  local message
  local describe = assertion.describe
  if describe then
    message = describe(state, arguments, state.mod)
  else
    local key = state.mod and assertion.positive_message or assertion.negative_message
    local formatted = { n = arguments.n }
    local nofmt = arguments.nofmt or {}
    for i = 1, arguments.n do
      formatted[i] = nofmt[i] and tostring(arguments[i]) or format_value(arguments[i])
    end
    message = key and say(key, formatted) or nil
    if message == nil then
      message = "assertion '" .. assertion.name .. "' failed"
        .. (state.mod and "" or " (negated)")
    end
  end
  local custom = rawget(state, "failure_message")
  if custom ~= nil then
    custom = has_tostring(custom) and tostring(custom) or format_value(custom)
    message = custom .. "\n" .. message
  end
  return message
end

local state_mt = {}

state_mt.__index = function(self, key)
  if type(key) ~= "string" then return nil end
  for token in key:lower():gmatch("[^_]+") do
    self.tokens[#self.tokens + 1] = token
  end
  return self
end

state_mt.__call = function(self, ...)
  local keys = extract_keys("assertion", self.tokens)
  local assertion
  for _, key in ipairs(keys) do assertion = namespaces.assertion[key] or assertion end
  local arguments = pack(...)
  if not assertion then
    self.tokens = {}
    for _, key in ipairs(keys) do
      local modifier = namespaces.modifier[key]
      if modifier then modifier.callback(self, arguments) end
    end
    return self
  end
  for _, key in ipairs(keys) do
    local modifier = namespaces.modifier[key]
    if modifier then modifier.callback(self) end
  end
  self.tokens = {}
  local val, retargs = assertion.callback(self, arguments, 2)
  if (not val) == self.mod then
    fail(failure_text(self, assertion, arguments))
  end
  if type(retargs) == "table" then return unpack(retargs, 1, retargs.n or #retargs) end
  return ...
end

local function new_state()
  return setmetatable({ mod = true, tokens = {} }, state_mt)
end

local LEVEL_MT = {}

local assert_api = {}

function assert_api:register(nspace, name, callback, positive, negative)
  namespaces[nspace] = namespaces[nspace] or {}
  local lower = name:lower()
  namespaces[nspace][lower] = { callback = callback, name = lower,
    positive_message = positive, negative_message = negative }
end

function assert_api:unregister(nspace, name)
  if namespaces[nspace] then namespaces[nspace][name:lower()] = nil end
end

function assert_api:add_formatter(fn) formatters[#formatters + 1] = fn end

function assert_api:remove_formatter(fn)
  for i = #formatters, 1, -1 do if formatters[i] == fn then table.remove(formatters, i) end end
end

function assert_api:format(args)
  for i = 1, (args.n or #args) do args[i] = format_value(args[i]) end
  return args
end

function assert_api:set_parameter(name, value) parameters[name] = value end
function assert_api:get_parameter(name) return parameters[name] end
function assert_api:add_spy(s) spies_created[#spies_created + 1] = s end
function assert_api:level(level) return setmetatable({ level = level }, LEVEL_MT) end
function assert_api:get_level(level)
  if getmetatable(level) == LEVEL_MT then return level.level end
  return nil
end

function assert_api:snapshot()
  local mark = #spies_created
  local saved_params = {}
  for k, v in pairs(parameters) do saved_params[k] = v end
  local saved_formatters = { unpack(formatters) }
  return {
    revert = function()
      for i = #spies_created, mark + 1, -1 do
        local s = spies_created[i]
        spies_created[i] = nil
        if s.revert then s:revert() end
      end
      for k in pairs(parameters) do parameters[k] = nil end
      for k, v in pairs(saved_params) do parameters[k] = v end
      for i = #formatters, 1, -1 do formatters[i] = nil end
      for i, f in ipairs(saved_formatters) do formatters[i] = f end
    end,
  }
end

local assert = setmetatable(assert_api, {
  __call = function(_, cond, message, level, ...)
    if not cond then
      if message == nil then error("assertion failed!", 2) end
      error(message, 0)
    end
    return cond, message, level, ...
  end,
  __index = function(self, key)
    return new_state()[key]
  end,
})

---------------------------------------------------------------------------------------------------
-- Built-in modifiers and assertions
---------------------------------------------------------------------------------------------------

local function noop_modifier() end
for _, name in ipairs({ "is", "are", "was", "has", "does", "to", "be" }) do
  assert:register("modifier", name, noop_modifier)
end
local function negate(state) state.mod = not state.mod end
assert:register("modifier", "not", negate)
assert:register("modifier", "no", negate)
assert:register("modifier", "message", function(state, arguments)
  if arguments then state.failure_message = arguments[1] end
end)
local function set_payload(state, arguments)
  if arguments then state.payload = arguments[1] end
end
assert:register("modifier", "spy", set_payload)
assert:register("modifier", "stub", set_payload)

local function builtin(names, callback, describe)
  for _, name in ipairs(names) do
    namespaces.assertion[name] = { callback = callback, name = name, describe = describe }
  end
end

local function set_message(state, message)
  if message ~= nil and rawget(state, "failure_message") == nil then state.failure_message = message end
end

-- Describe "expected" against "actual", with a diff when either renders on several lines.
local function compare_text(headline, expected, actual)
  local tables = type(expected) == "table" and type(actual) == "table"
  local e, a = format_value(expected, tables), format_value(actual, tables)
  if not e:find("\n", 1, true) and not a:find("\n", 1, true) then
    return headline .. "\nExpected: " .. e .. "\nActual:   " .. a
  end
  local text = headline .. "\nExpected:\n" .. e .. "\nActual:\n" .. a
  local diff = line_diff(e, a)
  if diff then text = text .. "\nDiff (- expected, + actual):\n" .. diff end
  return text
end

local function comparison(word)
  return function(state, args, positive)
    if positive then
      return compare_text("Expected objects to be " .. word .. ".", args[1], args[2])
    end
    return "Expected objects not to be " .. word .. ".\nBoth are: " .. format_value(args[2])
  end
end

local function need(args, count, name)
  if args.n < count then
    error("luassert: '" .. name .. "' needs at least " .. count .. " arguments, got " .. args.n, 4)
  end
end

builtin({ "equals", "equal" }, function(state, args)
  need(args, 2, "equals")
  set_message(state, args[3])
  return args[1] == args[2]
end, comparison("equal"))

builtin({ "same" }, function(state, args)
  need(args, 2, "same")
  set_message(state, args[3])
  local a, b = args[1], args[2]
  if type(a) == "table" and type(b) == "table" then return deepcompare(a, b, true) end
  return a == b
end, comparison("the same"))

builtin({ "near" }, function(state, args)
  need(args, 3, "near")
  set_message(state, args[4])
  local expected, actual, tolerance = tonumber(args[1]), tonumber(args[2]), tonumber(args[3])
  if not (expected and actual and tolerance) then
    error("luassert: 'near' takes three numbers (expected, actual, tolerance)", 4)
  end
  return actual >= expected - tolerance and actual <= expected + tolerance
end, function(_, args, positive)
  return "Expected " .. format_value(args[2]) .. (positive and " to be" or " not to be")
    .. " within " .. format_value(args[3]) .. " of " .. format_value(args[1])
end)

-- matches(pattern, actual [, init [, plain]] [, message]); a string third argument is the message.
local function pattern_args(state, args, first)
  local init, plain = args[first], args[first + 1]
  if type(init) == "string" then
    set_message(state, init)
    return nil, nil
  end
  set_message(state, args[first + 2])
  return init, plain
end

builtin({ "matches", "match" }, function(state, args)
  need(args, 2, "matches")
  local init, plain = pattern_args(state, args, 3)
  local actual = args[2]
  if type(actual) == "number" then actual = tostring(actual) end
  if type(actual) ~= "string" then return false end
  return actual:find(args[1], init, plain) ~= nil
end, function(_, args, positive)
  return "Expected " .. format_value(args[2]) .. (positive and " to match" or " not to match")
    .. " the pattern " .. format_value(args[1])
end)

builtin({ "unique" }, function(state, args)
  local list, deep = args[1], args[2]
  if type(deep) == "string" then set_message(state, deep); deep = false else set_message(state, args[3]) end
  if type(list) ~= "table" then return false end
  for k, v in pairs(list) do
    for k2, v2 in pairs(list) do
      if k ~= k2 then
        if deep and deepcompare(v, v2, true) then return false end
        if not deep and v == v2 then return false end
      end
    end
  end
  return true
end, function(_, args, positive)
  return "Expected the list " .. (positive and "to have unique values" or "to have a duplicate")
    .. ":\n" .. format_value(args[1])
end)

local function strip_position(err)
  if type(err) == "string" then return (err:gsub("^.-:%d+: ", "", 1)) end
  return err
end

local function call_for_error(state, args, name)
  local fn = args[1]
  if not callable(fn) then
    error("luassert: '" .. name .. "' expects a function, got " .. type(fn), 4)
  end
  local ok, err = pcall(fn)
  state.caught = { ok = ok, err = err }
  return ok, err
end

builtin({ "error", "errors", "has_error" }, function(state, args)
  set_message(state, args[3])
  local ok, err = call_for_error(state, args, "has_error")
  if ok then return false end
  local expected = args[2]
  if expected == nil then return true end
  err = strip_position(err)
  if type(expected) == "string" then
    if type(err) ~= "string" and has_tostring(err) then err = tostring(err) end
    if type(err) == "string" then return err == expected end
    return false
  elseif type(expected) == "number" and type(err) == "string" then
    return tostring(expected) == tostring(tonumber(err))
  end
  return deepcompare(expected, err, true)
end, function(state, args, positive)
  local caught = rawget(state, "caught") or {}
  if positive then
    if caught.ok then return "Expected an error, but the function returned normally." end
    return compare_text("Expected a different error.", args[2], strip_position(caught.err))
  end
  return "Expected no error, but caught: " .. format_value(caught.err)
end)

builtin({ "error_matches", "error_match", "matches_error", "match_error" }, function(state, args)
  local init, plain = pattern_args(state, args, 3)
  local ok, err = call_for_error(state, args, "error_matches")
  if ok then return false end
  if type(err) ~= "string" and has_tostring(err) then err = tostring(err) end
  if type(err) ~= "string" then return false end
  local pattern = args[2]
  return err:find(pattern, init, plain) ~= nil or strip_position(err):find(pattern, init, plain) ~= nil
end, function(state, args, positive)
  local caught = rawget(state, "caught") or {}
  if caught.ok then return "Expected an error matching " .. format_value(args[2]) .. ", but the function returned normally." end
  return "Expected an error " .. (positive and "matching" or "not matching") .. " the pattern "
    .. format_value(args[2]) .. "\nCaught: " .. format_value(caught.err)
end)

local function value_check(names, predicate, wording)
  builtin(names, function(state, args)
    set_message(state, args[2])
    return predicate(args[1])
  end, function(_, args, positive)
    return "Expected " .. format_value(args[1]) .. (positive and " to be " or " not to be ") .. wording
  end)
end

value_check({ "truthy" }, function(v) return v ~= nil and v ~= false end, "truthy")
value_check({ "falsy" }, function(v) return v == nil or v == false end, "falsy")
value_check({ "true" }, function(v) return v == true end, "true")
value_check({ "false" }, function(v) return v == false end, "false")
for _, t in ipairs({ "boolean", "number", "string", "table", "nil", "userdata", "function", "thread" }) do
  value_check({ t }, function(v) return type(v) == t end, "of type " .. t)
end
value_check({ "callable" }, callable, "callable")

builtin({ "returned_arguments" }, function(_, args)
  return args.n - 1 == args[1]
end, function(_, args, positive)
  return "Expected " .. tostring(args[1]) .. (positive and "" or " not") .. " returned arguments, got "
    .. tostring(args.n - 1)
end)
