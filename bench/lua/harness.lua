-- Run one workload module warm: require it (from this folder, on package.path in hype and lua5.4
-- alike), 2 warm-up rounds, then ROUNDS timed rounds; print the best and the median round in ms.
-- Usage: <lua> harness.lua DIR WORKLOAD [ROUNDS]
package.path = arg[1] .. "/?.lua;" .. package.path
local workload = require(arg[2])
local rounds = tonumber(arg[3]) or 7
for _ = 1, 2 do workload() end
local times = {}
for i = 1, rounds do
  local start = os.clock()
  workload()
  times[i] = (os.clock() - start) * 1000
end
table.sort(times)
print(string.format("%.1f %.1f", times[1], times[(rounds + 1) // 2]))
