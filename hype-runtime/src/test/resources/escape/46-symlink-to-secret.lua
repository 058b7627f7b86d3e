-- A link inside the writable directory pointing at the project's secret: read and write through
-- it with io and fs.
-- expect: denied read io.open {data}/link-to-secret
-- expect: denied write io.open {data}/link-to-secret
-- expect: denied write io.open {data}/link-to-secret
-- expect: denied read fs.readFileSync {data}/link-to-secret
-- expect: denied write fs.writeFileSync {data}/link-to-secret
-- expect: denied read fs.copyFileSync {data}/link-to-secret
-- expect: denied read fs.realpathSync {data}/link-to-secret
-- absent: {data}/copy.txt
local try = require("./try")
local fs = require("fs")
return {
  try(function() return io.open("{data}/link-to-secret"):read("a") end),
  try(function() return io.open("{data}/link-to-secret", "w"):write("pwned") end),
  try(io.open, "{data}/link-to-secret", "a"),
  try(fs.readFileSync, "{data}/link-to-secret"),
  try(fs.writeFileSync, "{data}/link-to-secret", "pwned"),
  try(fs.copyFileSync, "{data}/link-to-secret", "{data}/copy.txt"),
  try(fs.realpathSync, "{data}/link-to-secret"),
}
