-- A package in a hype_modules/ above the project root, next to a hype-lock.json there that
-- approves it everything (as code with a write grant on a parent folder could plant them). The
-- resolver finds it by name, as Node would, but only the project root's lockfile approves
-- packages: it runs with no permissions at all.
-- expect: ok: "{root}/hype_modules/above/init.lua"
-- expect: denied[above] read io.open {secret}
-- message: PERMISSION_DENIED: package 'above' may not read {secret} (io.open); only {project}/hype-lock.json approves packages, for the packages in {project}/hype_modules; above was loaded from {root}/hype_modules, so it has no permissions
-- expect: denied[above] env os.getenv HYPE_CORPUS_SECRET
-- expect: denied[above] run io.popen cat {secret}
local try = require("./try")
local above = require("above")
return {
  try(require.resolve, "above"),
  try(above.read, "{secret}"),
  try(above.env, "HYPE_CORPUS_SECRET"),
  try(above.run, "cat {secret}"),
}
