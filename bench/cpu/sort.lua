-- CPU benchmark: sorting 300,000 numbers and 100,000 strings with a comparator.
return function()
  local seed = 42
  local function rand() seed = (seed * 1103515245 + 12345) % 2147483648 return seed end
  local t = {}
  for i = 1, 300000 do t[i] = rand() end
  table.sort(t)
  local s = {}
  for i = 1, 100000 do s[i] = tostring(rand()) end
  table.sort(s, function(a, b) return a > b end)
  assert(t[1] <= t[2] and s[1] >= s[2])
end
