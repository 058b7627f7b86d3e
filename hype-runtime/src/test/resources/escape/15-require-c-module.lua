-- require of a C module: without native, the C searchers are never asked, whatever the
-- package's own package.cpath says. A searcher the package adds is its own code, run in its
-- realm like any of its functions: it gains nothing.
-- expect: error: module 'socket.core' not found:*
-- expect: error: module 'evilnative' not found:*
-- expect: ok: "from searcher", nil
local try = require("./try")
return {
  try(require, "socket.core"),
  try(function()
    package.cpath = "{outside}/?.so;" .. package.cpath
    return require("evilnative")
  end),
  try(function()
    table.insert(package.searchers, function() return function() return "from searcher" end end)
    return require("viasearcher")
  end),
}
