-- Hand a callback to good, which has broader permissions, and have good call it: functions keep
-- the permissions of the package that made them, so good's grants do not apply. Even the
-- package's own os.getenv and io.lines, handed over, check evil's permissions.
-- expect: denied read io.open {secret}
-- expect: denied env os.getenv HYPE_CORPUS_SECRET
-- expect: denied read io.lines {secret}
local try = require("./try")
local good = require("good")
return {
  try(good.each, { "{secret}" }, function(path) return io.open(path):read("a") end),
  try(good.each, { "HYPE_CORPUS_SECRET" }, os.getenv),
  try(good.each, { "{secret}" }, io.lines),
}
