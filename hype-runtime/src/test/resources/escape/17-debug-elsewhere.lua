-- Other ways to the real debug library: require, package.loaded, _G, load, _ENV. All lead to the package's own debug table.
-- expect: ok: true, true, true, true, true, true
-- expect: ok: nil, nil
local try = require("./try")
return {
  try(function()
    return rawequal(require("debug"), debug), rawequal(package.loaded.debug, debug), rawequal(_G.debug, debug),
      rawequal(rawget(_G, "debug"), debug), rawequal(load("return debug")(), debug),
      rawequal(_ENV.debug, debug)
  end),
  try(function() return require("debug").getinfo, package.loaded._G.debug.getupvalue end),
}
