-- package.searchpath probes files: finding one outside the grants, or learning that one does
-- not exist there, reveals what the package may not read.
-- expect: denied read package.searchpath {secret}
-- expect: denied read package.searchpath {outside}/nothing-here.txt
-- expect: ok: "{evil}/data/own.txt"
-- expect: ok: nil, "*no file '{evil}/data/missing.txt'"
local try = require("./try")
return {
  try(package.searchpath, "secret", "{project}/?.txt"),
  try(package.searchpath, "nothing-here", "{outside}/?.txt"),
  try(package.searchpath, "own", "{evil}/data/?.txt"),
  try(package.searchpath, "missing", "{evil}/data/?.txt"),
}
