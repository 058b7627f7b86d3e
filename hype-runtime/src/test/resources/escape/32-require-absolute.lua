-- require with an absolute path: the project's module, and another package's files, even the
-- one its name resolves to.
-- expect: denied load require {config}
-- expect: denied load require {project}/config
-- expect: denied load require {good}/internal.lua
-- expect: denied load require {good}/init.lua
local try = require("./try")
return {
  try(require, "{config}"),
  try(require, "{project}/config"),
  try(require, "{good}/internal.lua"),
  try(require, "{good}/init.lua"),
}
