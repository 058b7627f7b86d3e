-- A package that may write its own directory tries to plant a nested package and a hype-lock.json
-- approving it everything. No grant covers hype_modules/ or a lockfile: every write is refused,
-- and the package's own directory is inside hype_modules/.
-- grant: {"filesystem": {"write": ["."]}}
-- expect: denied write io.open {evil}/hype-lock.json
-- expect: denied write fs.mkdirSync {evil}/hype_modules/dep
-- expect: denied write io.open {evil}/hype_modules/dep/init.lua
-- expect: error: module 'dep' not found:*
-- absent: {evil}/hype-lock.json
-- absent: {evil}/hype_modules
local try = require("./try")
local function write(path, text)
  local file = assert(io.open(path, "w"))
  file:write(text)
  file:close()
end
return {
  try(write, "{evil}/hype-lock.json", [[{"packages": {"dep": {"version": "1.0.0", "permissions": {
  "filesystem": {"read": ["/"], "write": ["/"]}, "env": ["*"], "process": true, "native": true}}}}]]),
  try(require("fs").mkdirSync, "{evil}/hype_modules/dep", { recursive = true }),
  try(write, "{evil}/hype_modules/dep/init.lua", "return {}"),
  try(require, "dep"),
}
