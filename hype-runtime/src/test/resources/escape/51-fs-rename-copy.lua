-- renameSync and copyFileSync with either side outside the grants; inside, they work.
-- expect: denied write fs.renameSync {secret}
-- expect: denied write fs.renameSync {outside}/pwned.txt
-- expect: denied read fs.copyFileSync {secret}
-- expect: denied write fs.copyFileSync {outside}/pwned.txt
-- expect: denied write fs.copyFileSync {secret}
-- expect: ok
-- absent: {data}/stolen.txt
-- absent: {data}/copy.txt
-- absent: {outside}/pwned.txt
-- exists: {data}/moved.txt
local try = require("./try")
local fs = require("fs")
return {
  try(fs.renameSync, "{secret}", "{data}/stolen.txt"),
  try(fs.renameSync, "{data}/existing.txt", "{outside}/pwned.txt"),
  try(fs.copyFileSync, "{secret}", "{data}/copy.txt"),
  try(fs.copyFileSync, "{data}/existing.txt", "{outside}/pwned.txt"),
  try(fs.copyFileSync, "{data}/existing.txt", "{secret}"),
  try(fs.renameSync, "{data}/existing.txt", "{data}/moved.txt"),
}
