-- io.tmpfile and os.tmpname create files in the system's temporary directory, which no grant names.
-- expect: denied write io.tmpfile {javatmp}
-- expect: denied write os.tmpname {javatmp}
local try = require("./try")
return {
  try(function() return io.tmpfile():write("x") end),
  try(os.tmpname),
}
