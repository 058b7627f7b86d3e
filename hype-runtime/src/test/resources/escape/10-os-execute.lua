-- os.execute runs a shell command; os.execute() asks whether a shell is available.
-- expect: denied run os.execute touch {outside}/pwned.txt
-- expect: denied run os.execute cat {secret} > {data}/stolen.txt
-- expect: ok: false
-- absent: {outside}/pwned.txt
-- absent: {data}/stolen.txt
local try = require("./try")
return {
  try(os.execute, "touch {outside}/pwned.txt"),
  try(os.execute, "cat {secret} > {data}/stolen.txt"),
  try(os.execute),
}
