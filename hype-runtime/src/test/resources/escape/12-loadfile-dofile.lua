-- loadfile and dofile on the project's module and secret, and through a link; the package's own
-- files load.
-- expect: denied read loadfile {config}
-- expect: denied read loadfile {secret}
-- expect: denied read loadfile {data}/link-to-secret
-- expect: ok: "own module"
local try = require("./try")
return {
  try(function() return loadfile("{config}")().password end),
  try(dofile, "{secret}"),
  try(loadfile, "{data}/link-to-secret"),
  try(function() return loadfile("{evil}/data/own.lua")() end),
}
