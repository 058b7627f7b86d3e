-- A finalizer runs whenever the collector gets to it, in the middle of other code: it keeps its
-- package's permissions all the same.
-- expect: ok: "denied read io.open {secret}"
local try = require("./try")
local seen = {}
setmetatable({}, { __gc = function()
  local ok, e = pcall(io.open, "{secret}")
  seen[#seen + 1] = ok and "opened" or ("denied " .. e.kind .. " " .. e.operation .. " " .. e.resource)
end })
collectgarbage()
collectgarbage()
return {
  try(function() return seen[1] end),
}
