-- Another package's files: by name only what its exports allow, by path never. What the
-- package's exports do runs with its own permissions, which it gave nobody.
-- expect: error: ERR_PACKAGE_PATH_NOT_EXPORTED: *
-- expect: denied load require {good}/internal
-- expect: denied load require {good}/internal.lua
-- expect: ok: "1.0.0", 19
local try = require("./try")
return {
  try(require, "good/internal"),
  try(require, "../good/internal"),
  try(require, "./../good/internal.lua"),
  try(function() local good = require("good") return good.version, good.secretLength() end),
}
