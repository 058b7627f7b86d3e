local function twice(x)
  return x * 2
end
twice(1) twice(2) twice(3)
