-- A string's methods come from the string library every realm shares (the string metatable's
-- __index is the project's `string`), so ("").dump is the shared string.dump: the package tries
-- to dump the project's callback and read the constants compiled into it, directly and as the
-- first function of a coroutine, where no caller is on the stack.
-- expect: denied native string.dump
-- expect: denied native string.dump
-- expect: denied native string.dump
local try = require("./try")
return function(ctx)
  return {
    try(function() return ("").dump(ctx.callback) end),
    try(function() return coroutine.wrap(("").dump)(ctx.callback) end),
    try(function()
      local ok, result = coroutine.resume(coroutine.create(("").dump), ctx.callback)
      if not ok then error(result, 0) end
      return result
    end),
  }
end
