local calls, rounds = tonumber(arg[1]), tonumber(arg[2])
local trusted = require("./calls")
local checked = require("checked")
local path = "data/file.bin"

local function median(t)
  table.sort(t)
  return t[(#t + 1) // 2]
end

-- Warm up both, then alternate rounds so drift hits both sides alike.
for _, m in ipairs({ trusted, checked }) do m.read_file(path, calls // 4); m.io_open(path, calls // 4) end
local results = { trusted = { read = {}, open = {} }, checked = { read = {}, open = {} } }
for _ = 1, rounds do
  for name, m in pairs({ trusted = trusted, checked = checked }) do
    local r = results[name]
    r.read[#r.read + 1] = m.read_file(path, calls)
    r.open[#r.open + 1] = m.io_open(path, calls)
  end
end

local function us(x) return string.format("%.2f", x * 1e6) end
print(string.format("%-22s %12s %12s %8s", "operation", "trusted us", "package us", "ratio"))
for _, op in ipairs({ { "read", "fs.readFileSync (4 KB)" }, { "open", "io.open + close" } }) do
  local t, c = median(results.trusted[op[1]]), median(results.checked[op[1]])
  print(string.format("%-22s %12s %12s %7.2fx", op[2], us(t), us(c), c / t))
end
