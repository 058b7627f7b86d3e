-- The package reads its own files without any grant, but may not change them, nor read another
-- package's.
-- expect: ok: "evil-own-data"
-- expect: ok: "own module"
-- expect: ok: "own.lua,own.txt"
-- expect: denied write io.open {evil}/data/own.txt
-- expect: denied read io.open {good}/internal.lua
-- grant: none
local try = require("./try")
local fs = require("fs")
return {
  try(function() return io.open("{evil}/data/own.txt"):read("a") end),
  try(function() return dofile("{evil}/data/own.lua") end),
  try(function() return table.concat(fs.readdirSync("{evil}/data"), ",") end),
  try(io.open, "{evil}/data/own.txt", "a"),
  try(function() return io.open("{good}/internal.lua"):read("a") end),
}
