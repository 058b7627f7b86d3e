local function check(value)
  if not value then error("value missing") end
end
check(nil)
