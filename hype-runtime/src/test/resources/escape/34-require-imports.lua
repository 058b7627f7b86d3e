-- #imports of the package's hype.json pointing outside: "#up" to ../../config.lua, "#good" to
-- another package by name; "#own" is its own file.
-- expect: error: ERR_INVALID_PACKAGE_TARGET: *
-- expect: denied load require {good}/init.lua
-- expect: ok: "own module"
-- expect: error: ERR_PACKAGE_IMPORT_NOT_DEFINED: *
local try = require("./try")
return {
  try(require, "#up"),
  try(require, "#good"),
  try(require, "#own"),
  try(require, "#missing"),
}
