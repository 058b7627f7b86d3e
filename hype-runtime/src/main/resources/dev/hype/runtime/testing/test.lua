-- hype:test: a busted-compatible test API (describe/it, luassert-style assert, spies, stubs,
-- mocks, matchers) and the executor the test runner drives.
--
-- It runs once per runtime. The runner passes natives (report, output, options, should_stop,
-- clock, coverage); without them (a plain require) the API still works and `run()` prints results.
local native = ... or {}

local REGISTRY_KEY = "hype.test"
local registry = debug.getregistry()
if registry[REGISTRY_KEY] then return registry[REGISTRY_KEY] end

local type, tostring, select, pairs, ipairs, next, rawget, rawequal, getmetatable, setmetatable,
      error, xpcall, pcall = type, tostring, select, pairs, ipairs, next, rawget, rawequal,
      getmetatable, setmetatable, error, xpcall, pcall
local pack, unpack, concat, insert, sort = table.pack, table.unpack, table.concat, table.insert, table.sort
local getinfo, traceback = debug.getinfo, debug.traceback
local FRAMEWORK_SOURCE = getinfo(1, "S").source

local clock = native.clock or os.clock

---------------------------------------------------------------------------------------------------
-- Rendering values: inspect, and a line diff of two renderings
---------------------------------------------------------------------------------------------------

local KEYWORDS = {}
for w in ("and break do else elseif end false for function goto if in local nil not or repeat "
    .. "return then true until while"):gmatch("%a+") do KEYWORDS[w] = true end

local TYPE_ORDER = { number = 1, string = 2, boolean = 3 }

local function sorted_keys(t)
  local keys = {}
  for k in next, t do keys[#keys + 1] = k end
  sort(keys, function(a, b)
    local ta, tb = type(a), type(b)
    if ta ~= tb then
      local oa, ob = TYPE_ORDER[ta] or 9, TYPE_ORDER[tb] or 9
      if oa ~= ob then return oa < ob end
      return ta < tb
    end
    if ta == "number" or ta == "string" then return a < b end
    return tostring(a) < tostring(b)
  end)
  return keys
end

local function quote(s)
  return (string.format("%q", s):gsub("\\\n", "\\n"))
end

local MAX_DEPTH = 12

-- Render a value as Lua-like text; `expand` puts a non-empty top-level table on several lines.
local function inspect(value, expand)
  local path = {}
  local function render(v, indent, depth)
    local tv = type(v)
    if tv == "string" then return quote(v) end
    if tv ~= "table" then return tostring(v) end
    if path[v] then return "<cycle>" end
    if depth > MAX_DEPTH then return "{...}" end
    path[v] = true
    local parts = {}
    local n = 0
    while rawget(v, n + 1) ~= nil do n = n + 1 end
    local inner = indent .. "  "
    for i = 1, n do parts[#parts + 1] = render(rawget(v, i), inner, depth + 1) end
    for _, k in ipairs(sorted_keys(v)) do
      if not (math.type(k) == "integer" and k >= 1 and k <= n) then
        local key
        if type(k) == "string" and k:match("^[%a_][%w_]*$") and not KEYWORDS[k] then
          key = k
        else
          key = "[" .. render(k, inner, depth + 1) .. "]"
        end
        parts[#parts + 1] = key .. " = " .. render(rawget(v, k), inner, depth + 1)
      end
    end
    path[v] = nil
    if #parts == 0 then return "{}" end
    local one = "{ " .. concat(parts, ", ") .. " }"
    if #one <= 72 and not one:find("\n", 1, true) and not (expand and depth == 0) then return one end
    return "{\n" .. inner .. concat(parts, ",\n" .. inner) .. "\n" .. indent .. "}"
  end
  return render(value, "", 0)
end

local function split_lines(s)
  local lines = {}
  for line in (s .. "\n"):gmatch("(.-)\n") do lines[#lines + 1] = line end
  return lines
end

-- A line diff (longest common subsequence) of expected and actual: "-" expected, "+" actual.
local function line_diff(expected, actual)
  local a, b = split_lines(expected), split_lines(actual)
  local n, m = #a, #b
  if n * m > 250000 then return nil end
  local lcs = {}
  for i = n + 1, 1, -1 do
    local row, below = {}, lcs[i + 1]
    for j = m + 1, 1, -1 do
      if i > n or j > m then
        row[j] = 0
      elseif a[i] == b[j] then
        row[j] = below[j + 1] + 1
      else
        local down, right = below[j], row[j + 1]
        row[j] = down > right and down or right
      end
    end
    lcs[i] = row
  end
  local out, i, j = {}, 1, 1
  while i <= n or j <= m do
    if i <= n and j <= m and a[i] == b[j] then
      out[#out + 1] = "  " .. a[i]; i = i + 1; j = j + 1
    elseif i <= n and (j > m or lcs[i + 1][j] >= lcs[i][j + 1]) then
      out[#out + 1] = "- " .. a[i]; i = i + 1
    else
      out[#out + 1] = "+ " .. b[j]; j = j + 1
    end
  end
  return concat(out, "\n")
end

---------------------------------------------------------------------------------------------------
-- say: the message catalogue luassert uses, so custom assertions can register their messages
---------------------------------------------------------------------------------------------------

local say = { translations = { en = {} }, namespace = "en" }

function say:set_namespace(ns)
  self.namespace = ns
  self.translations[ns] = self.translations[ns] or {}
end

function say:set(a, b, c)
  local ns, key, value = self.namespace, a, b
  if c ~= nil then ns, key, value = a, b, c end
  self.translations[ns] = self.translations[ns] or {}
  self.translations[ns][key] = value
end

function say:get_namespace() return self.namespace end

setmetatable(say, {
  __call = function(self, key, vars)
    local text = (self.translations[self.namespace] or {})[key] or self.translations.en[key]
    if text == nil then return nil end
    vars = vars or {}
    local strings = {}
    for i = 1, (vars.n or #vars) do strings[i] = tostring(vars[i]) end
    local ok, formatted = pcall(string.format, text, unpack(strings, 1, vars.n or #vars))
    return ok and formatted or text
  end,
})

---------------------------------------------------------------------------------------------------
-- Failures and signals
---------------------------------------------------------------------------------------------------

local FAILURE_MT = { __name = "hype.test.failure" }
FAILURE_MT.__tostring = function(f) return f.message end
local PENDING_MT = { __name = "hype.test.pending" }
PENDING_MT.__tostring = function(p) return p.message end

local function is_framework(source)
  return source == FRAMEWORK_SOURCE or source == "=[hype]" or source == "=[C]"
end

-- The first frame from `from` up that belongs to the test's own code: "file:line".
local function user_location(from)
  for level = from or 2, 60 do
    local info = getinfo(level, "Sl")
    if not info then break end
    if info.what ~= "C" and not is_framework(info.source) and (info.currentline or -1) > 0 then
      local src = info.source
      return (src:sub(1, 1) == "@" and src:sub(2) or info.short_src) .. ":" .. info.currentline
    end
  end
  return nil
end

local function fail(message)
  error(setmetatable({ message = message, where = user_location(3) }, FAILURE_MT), 0)
end

local function has_tostring(v)
  if type(v) == "string" then return true end
  local mt = getmetatable(v)
  return type(mt) == "table" and mt.__tostring ~= nil
end

local function callable(v)
  if type(v) == "function" then return true end
  local mt = debug.getmetatable(v)
  return type(mt) == "table" and mt.__call ~= nil
end

---------------------------------------------------------------------------------------------------
-- Deep comparison
---------------------------------------------------------------------------------------------------

local function deepcompare(a, b, ignore_mt, seen)
  if rawequal(a, b) then return true end
  local ta = type(a)
  if ta ~= type(b) then return false end
  if ta ~= "table" then return a == b end
  local mt = getmetatable(a)
  if not ignore_mt and mt and mt.__eq then return a == b end
  seen = seen or {}
  local pairs_seen = seen[a]
  if pairs_seen and pairs_seen[b] then return true end
  seen[a] = pairs_seen or {}
  seen[a][b] = true
  for k, v in next, a do
    local w = b[k]
    if w == nil or not deepcompare(v, w, ignore_mt, seen) then return false end
  end
  for k in next, b do
    if a[k] == nil then return false end
  end
  return true
end

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
  local escaped = tag:gsub("%p", "%%%0")
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
    elseif has_tostring(e) then
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

if native.output then
  local write_out = native.output
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
  local real_stdout = io.stdout
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
    __tostring = function() return tostring(real_stdout) end,
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

if native.report then
  for _, name in ipairs({ "describe", "context", "insulate", "expose", "it", "spec", "test", "pending",
      "before_each", "after_each", "setup", "teardown", "strict_setup", "strict_teardown", "lazy_setup",
      "lazy_teardown", "finally", "randomize", "assert", "spy", "stub", "mock", "match" }) do
    _G[name] = api[name]
  end
end

registry[REGISTRY_KEY] = api
return api
