-- The measured loops. The same file runs as the project's module (calls.lua) and as the
-- restricted package `checked` (hype_modules/checked/init.lua), so only the realm differs.
local fs = require("fs")
local M = {}

function M.read_file(path, n)
  local clock = require("process").hrtime
  local t0 = clock()
  for _ = 1, n do fs.readFileSync(path) end
  return (clock() - t0) / 1e9 / n
end

function M.io_open(path, n)
  local clock, open = require("process").hrtime, io.open
  local t0 = clock()
  for _ = 1, n do open(path, "rb"):close() end
  return (clock() - t0) / 1e9 / n
end

return M
