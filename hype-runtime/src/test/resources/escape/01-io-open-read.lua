-- io.open reads files outside the grants: the project's secret, a file in a directory no grant
-- names, a key under $HOME.
-- expect: denied read io.open {secret}
-- message: PERMISSION_DENIED: package 'evil' may not read {secret} (io.open); allow it with permissions.filesystem.read in evil's hype.json, then approve it with 'hype pkg install --allow-permissions'
-- expect: denied read io.open {outside_secret}
-- expect: denied read io.open {home}/.ssh/id_rsa
-- expect: error: *bad argument #1 to 'open' (string expected, got table)
local try = require("./try")
return {
  try(function() return io.open("{secret}"):read("a") end),
  try(function() return io.open("{outside_secret}", "rb"):read("a") end),
  try(function() return io.open("{home}/.ssh/id_rsa"):read("a") end),
  -- a number or a table with __tostring is not a way around the string check
  try(function() return io.open(setmetatable({}, { __tostring = function() return "{secret}" end })) end),
}
