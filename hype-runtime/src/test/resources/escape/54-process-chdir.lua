-- process.chdir moves the working directory of the whole program (fs and path resolve against
-- it), so it needs permissions.process; app.lua checks process.cwd() afterwards.
-- expect: denied run process.chdir {outside}
-- expect: denied run process.chdir ..
-- expect: ok: "{project}"
local try = require("./try")
local process = require("process")
return {
  try(process.chdir, "{outside}"),
  try(process.chdir, ".."),
  try(process.cwd),
}
