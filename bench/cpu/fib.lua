-- CPU benchmark: naive recursive fib(30).
local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
return function() assert(fib(30) == 832040) end
