-- Inject modules through package.preload, package.loaded, package.searchers and package.path,
-- hoping the project's require picks them up (app.lua requires 'injected' and ./config afterwards).
-- The package's own require sees its own injections, and nothing of the project's.
-- expect: ok: "pwned", ":preload:"
-- expect: denied load require {config}
-- expect: ok: "pwned"
local try = require("./try")
package.preload.injected = function() return "pwned" end
package.preload["hype:test"] = function() return "pwned" end
package.loaded.injected2 = "pwned"
package.loaded.good = { version = "pwned" }
table.insert(package.searchers, 1, function(name)
  if name == "injected3" then return function() return "pwned" end end
end)
package.path = "{project}/?.lua;" .. package.path
return {
  try(require, "injected"),
  try(require, "config"),
  -- package.loaded answers first, as in lua5.4; it is the package's own (app.lua checks good)
  try(function() return require("good").version end),
}
