-- process.env: read and list variables, write one the project reads (or one that changes how
-- programs start), and call the metatable's functions directly. pairs lists only granted names.
-- expect: denied env process.env HYPE_CORPUS_SECRET
-- expect: ok: "EVIL_TOKEN"
-- expect: denied env process.env HYPE_CORPUS_SECRET
-- expect: denied env process.env PATH
-- expect: denied env process.env LD_PRELOAD
-- expect: ok: nil, nil
-- expect: denied env process.env HYPE_CORPUS_SECRET
local try = require("./try")
local process = require("process")
return {
  try(function() return process.env.HYPE_CORPUS_SECRET end),
  try(function()
    local names = {}
    for name in pairs(process.env) do names[#names + 1] = name end
    table.sort(names)
    return table.concat(names, ",")
  end),
  try(function() process.env.HYPE_CORPUS_SECRET = "overwritten" end),
  try(function() process.env.PATH = "{outside}" end),
  try(function() process.env.LD_PRELOAD = "{outside}/evil.so" end),
  try(function() return rawget(process.env, "HYPE_CORPUS_SECRET"), next(process.env) end),
  try(function() return getmetatable(process.env).__index(process.env, "HYPE_CORPUS_SECRET") end),
}
