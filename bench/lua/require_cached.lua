-- require of a module already loaded (issue 16): Lua's package.loaded hit in lua5.4, the module
-- system's cached path in hype.
require("bench_dep")
return function()
  local require = require
  for _ = 1, 500000 do
    require("bench_dep")
  end
end
