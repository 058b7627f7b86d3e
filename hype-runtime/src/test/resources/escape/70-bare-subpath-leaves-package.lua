-- A bare id whose subpath climbs out of the package it names, to reach a file another package
-- does not export (good's internal.lua, which would run with good's grants): plain and
-- percent-encoded dot segments, encoded separators, backslashes, an invalid first segment. Node
-- refuses such subpaths; so does require, before it touches the file system.
-- expect: error: ERR_INVALID_MODULE_SPECIFIER: *
-- expect: error: ERR_INVALID_MODULE_SPECIFIER: *
-- expect: error: ERR_INVALID_MODULE_SPECIFIER: *
-- expect: error: ERR_INVALID_MODULE_SPECIFIER: *
-- expect: error: ERR_INVALID_MODULE_SPECIFIER: *
-- expect: error: ERR_INVALID_MODULE_SPECIFIER: *
-- expect: error: ERR_INVALID_MODULE_SPECIFIER: *
-- expect: error: ERR_INVALID_MODULE_SPECIFIER: *
-- expect: error: ERR_PACKAGE_PATH_NOT_EXPORTED: *
-- expect: error: ERR_INVALID_MODULE_SPECIFIER: *
local try = require("./try")
return {
  try(require, "plain/../good/internal"),
  try(require, "evil/../good/internal"),
  try(require, "good/../good/internal"),
  try(require, "evil/%2e%2e/good/internal"),
  try(require, "evil/.%2E/good/internal"),
  try(require, "evil%2f..%2fgood/internal"),
  try(require, ".x/../good/internal"),
  try(require, "Evil/../good/internal"),
  try(require, "good/internal"),
  try(require.resolve, "plain/./../good/internal"),
}
