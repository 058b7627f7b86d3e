-- io.popen runs a program that reads the secret or writes outside the grants.
-- expect: denied run io.popen cat {secret}
-- message: PERMISSION_DENIED: package 'evil' may not run cat {secret} (io.popen); allow it with permissions.process in evil's hype.json, then approve it with 'hype pkg install --allow-permissions'
-- expect: denied run io.popen touch {outside}/pwned.txt
-- expect: denied run io.popen sh
-- absent: {outside}/pwned.txt
local try = require("./try")
return {
  try(function() return io.popen("cat {secret}"):read("a") end),
  try(io.popen, "touch {outside}/pwned.txt", "w"),
  try(function()
    local shell = io.popen("sh", "w")
    shell:write("cat {secret} > {data}/stolen.txt\n")
    return shell:close()
  end),
}
