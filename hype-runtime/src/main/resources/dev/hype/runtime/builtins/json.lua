-- hype:json — encode and decode are Jackson-backed Java functions (JsonWriter, JsonReader). This
-- file adds the sentinels: json.null, and the metatables json.array() and json.object() set to
-- say what an empty table means. The writer reads a metatable's __jsontype field, so any class
-- can declare itself "array", "object" or "null".
--
-- Each realm has its own instance (its own json.null and markers). The module system is given
-- the markers (`protect`), so that a package handed the project's decoded values gets copies of
-- them from getmetatable and cannot change how the project's json encodes.
local native, protect = ...
local encode, decode, is_null = native.encode, native.decode, native.is_null
local type, setmetatable, error, pcall, select = type, setmetatable, error, pcall, select

local json = {}

local NULL = {
  __jsontype = "null",
  __name = "json.null",
  __tostring = function() return "null" end,
  __newindex = function() error("json.null cannot be changed", 2) end,
  __metatable = false,
}
json.null = setmetatable({}, NULL)

local ARRAY = { __jsontype = "array", __name = "json.array" }
local OBJECT = { __jsontype = "object", __name = "json.object" }
if protect then
  protect(NULL)
  protect(ARRAY)
  protect(OBJECT)
end

local function mark(meta, name, t)
  if t == nil then t = {} end
  if type(t) ~= "table" then
    error(("bad argument #1 to '%s' (table expected, got %s)"):format(name, type(t)), 3)
  end
  return setmetatable(t, meta)
end

--- Mark t (or a new table) as a JSON array, so that an empty one encodes as [].
function json.array(t)
  local r = mark(ARRAY, "array", t)
  return r
end

--- Mark t (or a new table) as a JSON object, so that an empty one encodes as {}.
function json.object(t)
  local r = mark(OBJECT, "object", t)
  return r
end

--- Return whether v is json.null: this instance's, or another realm's (decoded by a package, say).
function json.isNull(v)
  return v == json.null or (type(v) == "table" and is_null(v))
end

-- The Java functions run under pcall, so their errors are re-raised at the caller's line.
function json.encode(...)
  -- encode(nil) is "null"; encode() is a mistake, as in cjson.
  if select("#", ...) == 0 then error("bad argument #1 to 'encode' (value expected)", 2) end
  local value, options = ...
  local ok, result = pcall(encode, value, options)
  if not ok then error(result, 2) end
  return result
end

function json.decode(text)
  local ok, result = pcall(decode, text, json.null, ARRAY, OBJECT)
  if not ok then error(result, 2) end
  return result
end

return json
