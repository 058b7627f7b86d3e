-- A dangling link inside the writable directory pointing outside: writing through it would create
-- {outside}/created-through-link.txt. Every way is denied and the target is never created.
-- expect: denied write io.open {data}/dangling
-- expect: denied write fs.writeFileSync {data}/dangling
-- expect: denied write fs.appendFileSync {data}/dangling
-- expect: denied write fs.copyFileSync {data}/dangling
-- expect: denied write fs.renameSync {data}/dangling
-- expect: denied write fs.mkdirSync {data}/dangling
-- expect: denied read io.open {data}/dangling
-- absent: {outside}/created-through-link.txt
local try = require("./try")
local fs = require("fs")
return {
  try(function() return io.open("{data}/dangling", "w"):write("pwned") end),
  try(fs.writeFileSync, "{data}/dangling", "pwned"),
  try(fs.appendFileSync, "{data}/dangling", "pwned"),
  try(fs.copyFileSync, "{data}/existing.txt", "{data}/dangling"),
  try(fs.renameSync, "{data}/existing.txt", "{data}/dangling"),
  try(fs.mkdirSync, "{data}/dangling"),
  try(io.open, "{data}/dangling"),
}
