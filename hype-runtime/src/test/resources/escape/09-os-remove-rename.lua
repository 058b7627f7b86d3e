-- os.remove and os.rename on files outside the grants, from either side of a rename, and through
-- a link inside the granted directory.
-- expect: denied write os.remove {secret}
-- expect: denied write os.rename {secret}
-- expect: denied write os.rename {outside}/pwned.txt
-- expect: denied write os.remove {data}/link-to-secret
-- absent: {data}/stolen.txt
-- absent: {outside}/pwned.txt
local try = require("./try")
return {
  try(os.remove, "{secret}"),
  try(os.rename, "{secret}", "{data}/stolen.txt"),
  try(function()
    assert(io.open("{data}/mine.txt", "w")):close()
    return os.rename("{data}/mine.txt", "{outside}/pwned.txt")
  end),
  try(os.remove, "{data}/link-to-secret"),
}
