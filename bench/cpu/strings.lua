-- CPU benchmark: string building, pattern matching and substitution.
return function()
  local parts = {}
  for i = 1, 200000 do parts[#parts + 1] = "key" .. i .. "=value" .. (i * 7) end
  local text = table.concat(parts, ";")
  local count, total = 0, 0
  for k, v in text:gmatch("key(%d+)=value(%d+)") do count = count + 1; total = total + tonumber(v) end
  local replaced = text:gsub("value(%d)", "v%1")
  assert(count == 200000 and total > 0 and #replaced < #text)
end
