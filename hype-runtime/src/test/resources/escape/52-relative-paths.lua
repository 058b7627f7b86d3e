-- Relative paths: fs resolves them against the working directory (the project), io against the
-- process's; both check the file that would be opened.
-- expect: denied read fs.readFileSync {project}/secret.txt
-- expect: denied write fs.writeFileSync {project}/pwned.txt
-- expect: denied read fs.existsSync {project}/../outside/secret.txt
-- expect: ok: "shared-ok"
-- expect: denied read io.open {jvmcwd}/pom.xml
-- absent: {project}/pwned.txt
local try = require("./try")
local fs = require("fs")
return {
  try(fs.readFileSync, "secret.txt"),
  try(fs.writeFileSync, "pwned.txt", "pwned"),
  try(fs.existsSync, "../outside/secret.txt"),
  try(fs.readFileSync, "shared/ok.txt", "utf8"),
  try(io.open, "pom.xml"),
}
