it("finds files in nested directories", function()
  assert.truthy(true)
end)
