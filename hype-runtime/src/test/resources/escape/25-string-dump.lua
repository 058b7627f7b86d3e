-- string.dump through the package's string table and package.loaded. (A string's own methods
-- are the shared library's: see known/string-method-dump.lua.)
-- expect: denied native string.dump
-- expect: denied native string.dump
-- expect: denied native string.dump
local try = require("./try")
return {
  try(string.dump, function() return 1 end),
  try(string.dump, print),
  try(package.loaded.string.dump, function() end, true),
}
