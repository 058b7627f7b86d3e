-- require of a C module: without native, the C searchers are never asked, whatever the
-- package's own package.cpath and package.searchers say.
-- expect: error MODULE_NOT_FOUND: *cannot find module 'socket.core'*
-- expect: error MODULE_NOT_FOUND: *cannot find module 'evilnative'*
-- expect: error MODULE_NOT_FOUND: *cannot find module 'viasearcher'*
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
