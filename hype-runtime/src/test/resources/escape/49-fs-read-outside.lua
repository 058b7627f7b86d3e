-- fs functions that read outside the grants: contents, existence (no oracle for what is not
-- there), stats, listings, real paths, another package's file.
-- expect: denied read fs.readFileSync {secret}
-- expect: denied read fs.existsSync {secret}
-- expect: denied read fs.existsSync {outside}/nothing
-- expect: denied read fs.statSync {outside_secret}
-- expect: denied read fs.statSync {outside}/nothing
-- expect: denied read fs.lstatSync {secret}
-- expect: denied read fs.readdirSync {project}
-- expect: denied read fs.realpathSync {secret}
-- expect: denied read fs.readFileSync {good}/internal.lua
local try = require("./try")
local fs = require("fs")
return {
  try(fs.readFileSync, "{secret}", "utf8"),
  try(fs.existsSync, "{secret}"),
  try(fs.existsSync, "{outside}/nothing"),
  try(function() return fs.statSync("{outside_secret}").size end),
  try(fs.statSync, "{outside}/nothing", { throwIfNoEntry = false }),
  try(fs.lstatSync, "{secret}"),
  try(fs.readdirSync, "{project}"),
  try(fs.realpathSync, "{secret}"),
  try(fs.readFileSync, "{good}/internal.lua"),
}
