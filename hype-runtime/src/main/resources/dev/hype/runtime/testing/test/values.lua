-- hype:test: a busted-compatible test API (describe/it, luassert-style assert, spies, stubs,
-- mocks, matchers) and the executor the test runner drives.
--
-- Its source is five files, joined in order into one chunk by TestModule: values.lua (this one),
-- assert.lua, doubles.lua, runner.lua, api.lua.
--
-- It runs once per runtime. The runner passes natives (report, output, options, should_stop,
-- clock, coverage); without them (a plain require) the API still works and `run()` prints results.
local native = ... or {}

-- A restricted package's instance (native.isolated) is its own: not kept in the registry, and no
-- aliases in the shared package.preload or package.searchers.
local shared = not native.isolated
local REGISTRY_KEY = "hype.test"
local registry = debug.getregistry()
if shared and registry[REGISTRY_KEY] then return registry[REGISTRY_KEY] end

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
