-- Run one CPU workload warm: 2 warm-up rounds, then ROUNDS timed rounds; print the best and the
-- median time of a round in ms. os.clock() is the process's CPU time: start-up is excluded, and
-- the JVM's own threads are idle while Lua runs, so hype and lua5.4 are timed alike.
-- Usage: <lua> harness.lua WORKLOAD.lua [ROUNDS]
--        <lua> harness.lua --require DIR NAME [ROUNDS]   (the workload required as a module from DIR)
local workload, rounds
if arg[1] == "--require" then
  package.path = arg[2] .. "/?.lua;" .. package.path
  workload, rounds = require(arg[3]), tonumber(arg[4])
else
  workload, rounds = dofile(arg[1]), tonumber(arg[2])
end
rounds = rounds or 7
for _ = 1, 2 do workload() end
local times = {}
for i = 1, rounds do
  local start = os.clock()
  workload()
  times[i] = (os.clock() - start) * 1000
end
table.sort(times)
print(string.format("%.1f %.1f", times[1], times[(rounds + 1) // 2]))
