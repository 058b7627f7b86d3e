local function same(a, b, seen)
  if a == b then return true end
  if type(a) ~= "table" or type(b) ~= "table" then return false end
  seen = seen or {}
  if seen[a] == b then return true end
  seen[a] = b
  for k, v in pairs(a) do if not same(v, b[k], seen) then return false end end
  for k in pairs(b) do if a[k] == nil then return false end end
  return true
end
local function show(v, depth)
  if type(v) == "string" then return string.format("%q", v) end
  if type(v) ~= "table" or (depth or 0) > 3 then return tostring(v) end
  local keys, parts = {}, {}
  for k in pairs(v) do keys[#keys + 1] = k end
  table.sort(keys, function(x, y) return tostring(x) < tostring(y) end)
  for _, k in ipairs(keys) do parts[#parts + 1] = "[" .. show(k) .. "] = " .. show(v[k], (depth or 0) + 1) end
  return "{ " .. table.concat(parts, ", ") .. " }"
end
local function words(s)
  return (s:gsub("%s+", " "):gsub("^ ", ""):gsub(" $", ""))
end
return {
  value = function(line, text, expected, ...)
    local actual = ...
    if not same(actual, expected) then
      error("docs check on line " .. line .. ": the value is " .. show(actual) .. ", the doc says --> " .. text, 2)
    end
  end,
  print = function(line, text, ...)
    local parts = {}
    for i = 1, select("#", ...) do parts[i] = tostring((select(i, ...))) end
    local shown = table.concat(parts, "\t")
    print(...)
    if words(shown) ~= words(text) then
      error("docs check on line " .. line .. ": print shows " .. string.format("%q", shown)
        .. ", the doc says --> " .. text, 2)
    end
  end,
}
