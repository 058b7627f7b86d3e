-- Writes no grant covers, inside a directory evil may write ($TMP/evil-data/**): a lockfile, a
-- manifest, a registry config, hype_modules/ (any case) and the installer's siblings of it, by
-- io.open, fs and os.rename. Each would let code choose approvals or registries for itself.
-- expect: denied write io.open {data}/hype-lock.json
-- message: PERMISSION_DENIED: package 'evil' may not write {data}/hype-lock.json (io.open); no permission covers writing it: it is hype-lock.json (docs/permissions.md, "What is authoritative")
-- expect: denied write fs.writeFileSync {data}/hype.json
-- expect: denied write fs.mkdirSync {data}/hype_modules
-- expect: denied write io.open {data}/HYPE_MODULES/x.lua
-- expect: denied write os.rename {data}/.hyperc.json
-- expect: denied write fs.renameSync {data}/hype_modules.staging-x
-- expect: denied write fs.copyFileSync {data}/sub/hype-lock.json
-- expect: ok: true
-- absent: {data}/hype-lock.json
-- absent: {data}/hype.json
-- absent: {data}/hype_modules
-- absent: {data}/HYPE_MODULES
-- absent: {data}/.hyperc.json
local try = require("./try")
local fs = require("fs")
local function write(path)
  local file = assert(io.open(path, "w"))
  file:write("{}")
  file:close()
end
fs.mkdirSync("{data}/sub")
return {
  try(write, "{data}/hype-lock.json"),
  try(fs.writeFileSync, "{data}/hype.json", "{}"),
  try(fs.mkdirSync, "{data}/hype_modules"),
  try(write, "{data}/HYPE_MODULES/x.lua"),
  try(os.rename, "{data}/existing.txt", "{data}/.hyperc.json"),
  try(fs.renameSync, "{data}/existing.txt", "{data}/hype_modules.staging-x"),
  try(fs.copyFileSync, "{data}/existing.txt", "{data}/sub/hype-lock.json"),
  try(function() write("{data}/sub/ok.json") return true end),
}
