-- A string's methods come from the string library every realm shares (the string metatable's
-- __index is the project's `string`), so ("").dump is the unchecked string.dump: the package
-- dumps the project's callback and reads the constants compiled into it.
-- expect: denied native string.dump
-- expect: denied native string.dump
local try = require("./try")
return function(ctx)
  return {
    try(function() return ("").dump(ctx.callback) end),
    try(coroutine.wrap(("").dump), ctx.callback),
  }
end
