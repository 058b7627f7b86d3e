local ok, err = pcall(string.rep, "x", 1 << 30)
print("huge string:", ok, err)
local t = {}
ok, err = pcall(function() for i = 1, 1e9 do t[i] = { i } end end)
print("runaway table:", ok, err)
t = nil
collectgarbage()
print("recovered:", #string.rep("y", 1000))
