-- Rewrite the package's own module record (path, filename, id) so that require and
-- require.resolve start from the project's directory. Both start from the directory the package's
-- require was made for; only error messages believe the new filename.
-- expect: error: *cannot find module './config'*
-- expect: error: *cannot find module './config'*
-- expect: denied load require {project}/config
local try = require("./try")
module.path = "{project}"
module.filename = "{project}/app.lua"
module.id = "."
return {
  try(require.resolve, "./config"),
  try(require, "./config"),
  try(require, "../../config"),
}
