-- io.open creates, truncates or appends to files outside the grants, in every mode that writes.
-- expect: denied write io.open {outside}/pwned.txt
-- message: PERMISSION_DENIED: package 'evil' may not write {outside}/pwned.txt (io.open); allow it with permissions.filesystem.write in evil's hype.json, then approve it with 'hype pkg install --allow-permissions'
-- expect: denied write io.open {secret}
-- expect: denied write io.open {secret}
-- expect: denied write io.open {secret}
-- expect: denied write io.open {project}/pwned.txt
-- absent: {outside}/pwned.txt
-- absent: {project}/pwned.txt
local try = require("./try")
return {
  try(function() return io.open("{outside}/pwned.txt", "w"):write("pwned") end),
  try(function() return io.open("{secret}", "a"):write("pwned") end),
  try(function() return io.open("{secret}", "r+"):write("pwned") end),
  try(function() return io.open("{secret}", "w+b") end),
  try(function() return io.open("{project}/pwned.txt", "wb") end),
}
