-- Global reads and writes from a module's functions (issue 16): `counter`, `total` and `math` are
-- globals, read and written through the module's _ENV.
counter, total = 0, 0
return function()
  for i = 1, 2000000 do
    counter = counter + 1
    total = total + math.abs(i - counter)
  end
end
