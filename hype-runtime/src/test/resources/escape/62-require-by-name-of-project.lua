-- Reach the project's files by bare names, which package.path ("./?.lua") finds in the project's
-- directory: its main script and its config module. The package's own files by its own name load.
-- expect: denied load require {project}/app.lua
-- expect: denied load require {config}
-- expect: ok: "own module", "{evil}/data/own.lua"
local try = require("./try")
return {
  try(require, "app"),
  try(require, "config"),
  -- its own files by its own name are its own
  try(require, "evil/data/own"),
}
