-- require.resolve names files without loading them: outside the package it is denied as require
-- is; packages by name resolve.
-- expect: denied load require {project}/config
-- expect: denied load require {secret}
-- expect: ok: "{good}/init.lua"
-- expect: ok: "{evil}/data/own.lua"
-- expect: ok: "{evil}/hype_modules"
local try = require("./try")
return {
  try(require.resolve, "../../config"),
  try(require.resolve, "{secret}"),
  try(require.resolve, "good"),
  try(require.resolve, "./data/own"),
  try(function() return require.resolve.paths("x")[1] end),
}
