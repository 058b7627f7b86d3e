-- fs functions that create, change or remove outside the grants, including the package's own
-- files (readable, not writable).
-- expect: denied write fs.writeFileSync {outside}/pwned.txt
-- expect: denied write fs.appendFileSync {secret}
-- expect: denied write fs.mkdirSync {outside}/newdir
-- expect: denied write fs.mkdirSync {outside}/a/b
-- expect: denied write fs.rmSync {secret}
-- expect: denied write fs.rmSync {outside}
-- expect: denied write fs.writeFileSync {evil}/init.lua
-- absent: {outside}/pwned.txt
-- absent: {outside}/newdir
-- absent: {outside}/a
local try = require("./try")
local fs = require("fs")
return {
  try(fs.writeFileSync, "{outside}/pwned.txt", "pwned"),
  try(fs.appendFileSync, "{secret}", "pwned"),
  try(fs.mkdirSync, "{outside}/newdir"),
  try(fs.mkdirSync, "{outside}/a/b", { recursive = true }),
  try(fs.rmSync, "{secret}"),
  try(fs.rmSync, "{outside}", { recursive = true, force = true }),
  try(fs.writeFileSync, "{evil}/init.lua", "return 'pwned'"),
}
