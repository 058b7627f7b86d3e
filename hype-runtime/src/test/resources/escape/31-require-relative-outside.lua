-- require with a relative path leaving the package: the project's module, the secret, a path
-- that dips into the package and climbs out.
-- expect: denied load require {project}/config
-- message: PERMISSION_DENIED: package 'evil' may not load {project}/config (require); a package may load its own files, built-in modules and other packages by name
-- expect: denied load require {secret}
-- expect: denied load require {project}/config
-- expect: ok: "own module"
local try = require("./try")
return {
  try(function() return require("../../config").password end),
  try(require, "../../secret.txt"),
  try(require, "./data/../../../config"),
  try(require, "./data/own"),
}
