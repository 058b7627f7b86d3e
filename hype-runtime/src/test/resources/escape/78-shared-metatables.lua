-- Metatables a package can reach without the project handing them over: json's array and object
-- markers and json.null's (through values the project decoded), and the one metatable Lua keeps
-- for all numbers (the project set one). getmetatable hands the package copies; changing them
-- changes nothing for the project (app.lua encodes and reads numbers afterwards). Its own
-- json.null is its own, and its json knows the project's null.
-- expect: ok: "array", "object"
-- expect: ok: false
-- expect: ok: true
-- expect: ok: "pwned"
-- expect: ok: true, "[1,null]"
-- expect: ok: 2
local try = require("./try")
local json = require("json")

return function(ctx)
  local data = ctx.data
  return {
    try(function()
      local array, object = getmetatable(data.list), getmetatable(data.object)
      local kinds = { array.__jsontype, object.__jsontype }
      array.__jsontype, object.__jsontype = "object", "array"
      array.__index = function() return "pwned" end
      object.__index = array.__index
      return kinds[1], kinds[2]
    end),
    try(function() return getmetatable(data.items[2]) end),
    try(function() return json.isNull(data.items[2]) and not rawequal(data.items[2], json.null) end),
    try(function()
      rawset(json.null, "x", "pwned")
      return json.null.x
    end),
    try(function() return json.isNull(json.decode("[null]")[1]), json.encode(data.items) end),
    try(function()
      local numbers = getmetatable(0)
      numbers.__index.floor = function() return "pwned" end
      numbers.__index = function() return "pwned" end
      return (2.5):floor()
    end),
  }
end
