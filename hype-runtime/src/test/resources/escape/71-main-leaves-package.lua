-- A package whose "main" names a file outside its own directory: another package's unexported
-- file (relative, and absolute). Loading it by the package's name would run it with that other
-- package's grants; the main is refused instead.
-- expect: error: ERR_INVALID_PACKAGE_CONFIG: *
-- expect: error: ERR_INVALID_PACKAGE_CONFIG: *
-- expect: ok: "plain package", "{project}/hype_modules/plain/own.lua"
local try = require("./try")
return {
  try(require, "plain"),
  try(require, "plain-abs"),
  try(require, "plain/own"),
}
