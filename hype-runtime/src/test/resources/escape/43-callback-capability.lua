-- What the project hands over. Calling its callback with any arguments, even crafted ones, is
-- allowed: that is the capability model (the project chose to hand it). So is changing the
-- handed table and its metatable, which came with it. Nothing beyond: no dump of the callback,
-- no metatable of the function, no route from the handed table to the project's require.
-- expect: ok: "called:crafted"
-- expect: ok: "called:tricked"
-- expect: denied native string.dump
-- expect: ok: nil
-- expect: ok: "function", nil, nil, nil, nil
-- expect: ok: "hi"
local try = require("./try")
return function(ctx)
  return {
    try(ctx.callback, "crafted"),
    try(ctx.callback, setmetatable({}, { __tostring = function() return "tricked" end })),
    try(string.dump, ctx.callback),
    try(getmetatable, ctx.callback),
    try(function()
      local mt = getmetatable(ctx.handed)
      return type(mt.__index.hello), mt.require, mt.__index.require, rawget(ctx.handed, "require"), mt.module
    end),
    try(function() return ctx.handed:hello() end),
  }
end
