local function explode()
  error("boom")
end
print("before")
explode()
