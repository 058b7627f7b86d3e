-- A malicious package: a __gc finalizer that never returns. Hooks cannot stop code running
-- inside a finalizer; the watchdog behind --timeout does.
return function()
  setmetatable({}, { __gc = function() while true do end end })
  collectgarbage()
  collectgarbage()
end
