-- A malicious package: spins forever inside a coroutine, where a hook set on the main thread
-- alone would not follow it.
return function()
  local co = coroutine.wrap(function() while true do end end)
  co()
end
