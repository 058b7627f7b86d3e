-- Patch the built-in modules the package gets (fs, process, path, json): each restricted package
-- gets its own instances, so the project's stay as they were (app.lua compares them).
-- expect: ok: "pwned", "pwned"
-- expect: ok: true
-- expect: denied read fs.readFileSync {secret}
local try = require("./try")
local fs, process, path, json = require("fs"), require("process"), require("path"), require("json")
local read = fs.readFileSync
fs.readFileSync = function() return "pwned" end
process.cwd = function() return "/" end
path.join = function() return "pwned" end
json.encode = function() return "pwned" end
getmetatable(process.env).__index = function() return "pwned" end
return {
  try(function() return require("hype:fs").readFileSync("x"), require("path").join("a") end),
  try(function() return rawequal(require("fs"), fs) end),
  -- the checks live in the Java functions themselves
  try(read, "{secret}"),
}
