-- Exports through the exports table instead of returning a value.
local count = 0
function exports.increment() count = count + 1 end
function exports.value() return count end
