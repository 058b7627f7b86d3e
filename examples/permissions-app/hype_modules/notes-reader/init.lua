-- Count the lines of a notes file. The package may read only what its approval allows:
-- files under the project's data/ directory ($CWD/data/**).
local fs = require("fs")

local M = {}

function M.count(path)
  local text = fs.readFileSync(path, "utf8")
  local n = 0
  for _ in text:gmatch("[^\n]+") do n = n + 1 end
  return n
end

return M
