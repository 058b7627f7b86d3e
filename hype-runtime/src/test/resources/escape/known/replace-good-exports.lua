-- good's exports table is the same table for every requirer, so the package replaces good.greet;
-- the project's next call to good.greet runs the package's function, which receives whatever
-- the project passes (app.lua checks good's exports by identity afterwards).
-- expect: ok
local try = require("./try")
return {
  try(function()
    local good = require("good")
    good.greet = function(name) return "hello " .. tostring(name) end
  end),
}
