local calc = {}

function calc.add(a, b)
  return a + b
end

function calc.divide(a, b)
  if b == 0 then
    error("division by zero")
  end
  return a / b
end

function calc.sum(list)
  local total = 0
  for _, v in ipairs(list) do
    total = total + v
  end
  return total
end

function calc.counter()
  return coroutine.wrap(function()
    local n = 0
    while true do
      n = n + 1
      coroutine.yield(n)
    end
  end)
end

function calc.unused(x)
  if x then
    return 1
  end
  return 2
end

return calc
