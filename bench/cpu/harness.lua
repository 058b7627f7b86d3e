-- Run one CPU workload: 2 warm-up rounds, then ROUNDS more. With ROUNDS = 0 it measures only
-- start-up and warm-up, so run.sh subtracts the two wall times to get the warm cost per round.
-- Usage: <lua> harness.lua WORKLOAD.lua ROUNDS
local workload = dofile(arg[1])
local rounds = tonumber(arg[2]) or 5
for _ = 1, 2 do workload() end
for _ = 1, rounds do workload() end
