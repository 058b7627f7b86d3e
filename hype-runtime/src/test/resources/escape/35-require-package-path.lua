-- A bare name found on Lua's package.path ("./?.lua" is the project's directory) is the project's
-- file; the built-in prefix in front of a path names no built-in.
-- expect: denied load require {config}
-- expect: error: module 'hype:../../config' not found:*
local try = require("./try")
return {
  try(function() return require("config").password end),
  try(require, "hype:../../config"),
}
