-- Inject modules through package.preload, package.loaded, package.searchers and package.path,
-- hoping the project's require picks them up (app.lua requires 'injected' and ./config afterwards).
-- The package's own require sees its own injections, and nothing of the project's.
-- expect: ok: "pwned"
-- expect: denied load require {config}
-- expect: ok: "1.0.0"
local try = require("./try")
package.preload.injected = function() return "pwned" end
package.preload["hype:test"] = function() return "pwned" end
package.loaded.injected2 = "pwned"
package.loaded.good = { version = "pwned" }
table.insert(package.searchers, 1, function() return function() return "pwned" end end)
package.path = "{project}/?.lua;" .. package.path
return {
  try(require, "injected"),
  try(require, "config"),
  -- packages resolve by name before package.loaded is consulted
  try(function() return require("good").version end),
}
