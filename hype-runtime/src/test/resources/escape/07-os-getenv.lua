-- os.getenv reads variables the grant (EVIL_*) does not name, and one it does.
-- expect: denied env os.getenv HYPE_CORPUS_SECRET
-- message: PERMISSION_DENIED: package 'evil' may not read the environment variable HYPE_CORPUS_SECRET (os.getenv); allow it with permissions.env in evil's hype.json, then approve it with 'hype pkg install --allow-permissions'
-- expect: denied env os.getenv PATH
-- expect: denied env os.getenv EVIL
-- expect: denied env os.getenv evil_token
-- expect: ok: "granted-env-value"
local try = require("./try")
return {
  try(os.getenv, "HYPE_CORPUS_SECRET"),
  try(os.getenv, "PATH"),
  -- the prefix EVIL_* does not cover EVIL, nor another case
  try(os.getenv, "EVIL"),
  try(os.getenv, "evil_token"),
  try(os.getenv, "EVIL_TOKEN"),
}
