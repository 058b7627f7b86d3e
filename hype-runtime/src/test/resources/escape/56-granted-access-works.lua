-- Positive control: what the baseline grant allows works, through io, os and fs, so the other
-- attacks show enforcement rather than a runtime that denies everything.
-- expect: ok: "shared-ok"
-- expect: ok: "shared-ok"
-- expect: ok: "written"
-- expect: ok
-- expect: ok: "{data}/sub"
-- expect: ok: "granted-env-value"
-- expect: ok: "granted-env-value"
-- expect: ok: true
-- expect: ok: true
-- expect: ok: "deeper"
-- exists: {data}/out.txt
-- exists: {data}/fs-out.txt
-- exists: {data}/sub/deeper
-- absent: {data}/existing.txt
local try = require("./try")
local fs = require("fs")
return {
  try(function() return io.open("{shared}/ok.txt"):read("a") end),
  try(fs.readFileSync, "{shared}/ok.txt", "utf8"),
  try(function()
    local file = assert(io.open("{data}/out.txt", "w"))
    file:write("written")
    file:close()
    return fs.readFileSync("{data}/out.txt", "utf8")
  end),
  try(fs.writeFileSync, "{data}/fs-out.txt", "fs-written"),
  try(fs.mkdirSync, "{data}/sub/deeper", { recursive = true }),
  try(os.getenv, "EVIL_TOKEN"),
  try(function() return require("process").env.EVIL_TOKEN end),
  try(fs.existsSync, "{data}/existing.txt"),
  try(os.remove, "{data}/existing.txt"),
  try(function() return table.concat(fs.readdirSync("{data}/sub"), ",") end),
}
