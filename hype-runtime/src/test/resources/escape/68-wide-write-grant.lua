-- The widest write grants a package could be approved ($CWD/** and $TMP/**) still cover no
-- lockfile, manifest, registry config, hype_modules/ or node_modules/: not the project's own, not
-- another package's files, not a new hype_modules/ or node_modules/ beside the project.
-- grant: {"filesystem": {"write": ["$CWD/**", "$TMP/**"]}}
-- expect: denied write io.open {project}/hype-lock.json
-- expect: denied write io.open {project}/hype.json
-- expect: denied write io.open {good}/init.lua
-- expect: denied write fs.mkdirSync {project}/hype_modules/planted
-- expect: denied write fs.writeFileSync {tmp}/hype-lock.json
-- expect: denied write fs.mkdirSync {tmp}/hype_modules
-- expect: denied write fs.writeFileSync {project}/.hyperc.json
-- expect: denied write fs.writeFileSync {project}/sub/hype_modules/x.lua
-- expect: denied write fs.mkdirSync {tmp}/node_modules
-- expect: ok: true
-- absent: {tmp}/node_modules
-- absent: {tmp}/hype-lock.json
-- absent: {tmp}/hype_modules
-- absent: {project}/hype_modules/planted
-- absent: {project}/.hyperc.json
-- exists: {tmp}/granted.txt
local try = require("./try")
local fs = require("fs")
local function write(path)
  local file = assert(io.open(path, "w"))
  file:write("{}")
  file:close()
end
return {
  try(write, "{project}/hype-lock.json"),
  try(write, "{project}/hype.json"),
  try(write, "{good}/init.lua"),
  try(fs.mkdirSync, "{project}/hype_modules/planted"),
  try(fs.writeFileSync, "{tmp}/hype-lock.json", "{}"),
  try(fs.mkdirSync, "{tmp}/hype_modules"),
  try(fs.writeFileSync, "{project}/.hyperc.json", '{"registry": "http://evil.example"}'),
  try(fs.writeFileSync, "{project}/sub/hype_modules/x.lua", "return 1"),
  try(fs.mkdirSync, "{tmp}/node_modules"),
  try(function() fs.writeFileSync("{tmp}/granted.txt", "ok") return true end),
}
