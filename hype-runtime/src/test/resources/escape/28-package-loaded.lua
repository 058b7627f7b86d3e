-- package.loaded and require of the standard library's names give the package's own copies:
-- io, _G, package, string, os; built-ins are not in package.loaded.
-- expect: ok: true, true, true, true, true, true, nil
-- expect: ok: nil, nil
-- expect: denied env os.getenv HYPE_CORPUS_SECRET
local try = require("./try")
return {
  try(function()
    return rawequal(package.loaded.io, io), rawequal(package.loaded._G, _G), rawequal(require("io"), io),
      rawequal(require("_G"), _G), rawequal(require("package"), package), rawequal(require("string"), string),
      package.loaded.fs
  end),
  try(function() return package.loaded._G.debug.getinfo, require("_G").package.loaded.debug.sethook end),
  try(function() return require("os").getenv("HYPE_CORPUS_SECRET") end),
}
