-- A package that may write its own directory plants a nested package and a hype-lock.json
-- approving it everything, then requires it by name. The nested package is still the package's
-- own code: it runs with evil's permissions, not with approvals evil wrote itself.
-- grant: {"filesystem": {"write": ["."]}}
-- expect: ok: "{evil}/hype_modules/dep/init.lua"
-- expect: denied read io.open {secret}
-- expect: denied env os.getenv HYPE_CORPUS_SECRET
-- expect: denied run io.popen cat {secret}
local try = require("./try")
local function write(path, text)
  local file = assert(io.open(path, "w"))
  file:write(text)
  file:close()
end
write("{evil}/hype-lock.json", [[{"packages": {"dep": {"version": "1.0.0", "permissions": {
  "filesystem": {"read": ["/"], "write": ["/"]}, "env": ["*"], "process": true, "native": true}}}}]])
require("fs").mkdirSync("{evil}/hype_modules/dep", { recursive = true })
write("{evil}/hype_modules/dep/init.lua", [[
return {
  read = function(path) return io.open(path):read("a") end,
  env = function(name) return os.getenv(name) end,
  run = function(command) return io.popen(command):read("a") end,
}]])
local dep = require("dep")
return {
  try(require.resolve, "dep"),
  try(dep.read, "{secret}"),
  try(dep.env, "HYPE_CORPUS_SECRET"),
  try(dep.run, "cat {secret}"),
}
