-- Links shipped inside the package's directory that point at the project's files: a module
-- (steal.lua -> config.lua) and a file (secret-link.txt -> secret.txt). The package's "own files"
-- are those whose real path is inside it.
-- expect: denied load require {config}
-- expect: denied read io.open {evil}/secret-link.txt
-- expect: denied read loadfile {evil}/steal.lua
-- expect: denied read fs.readFileSync {evil}/secret-link.txt
local try = require("./try")
return {
  try(function() return require("./steal").password end),
  try(function() return io.open("{evil}/secret-link.txt"):read("a") end),
  try(loadfile, "{evil}/steal.lua"),
  try(require("fs").readFileSync, "{evil}/secret-link.txt"),
}
