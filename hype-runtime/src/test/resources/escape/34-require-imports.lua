-- #imports of the package's hype.json pointing outside: "#up" to ../../config.lua; "#good" names
-- another package, which loads it by name as require("good") would (its exports, in its own realm);
-- "#own" is its own file.
-- expect: error: ERR_INVALID_PACKAGE_TARGET: *
-- expect: ok: table
-- expect: ok: true
-- expect: ok: "own module"
-- expect: error: ERR_PACKAGE_IMPORT_NOT_DEFINED: *
local try = require("./try")
return {
  try(require, "#up"),
  try(require, "#good"),
  try(function() return require("#good") == require("good") end),
  try(require, "#own"),
  try(require, "#missing"),
}
