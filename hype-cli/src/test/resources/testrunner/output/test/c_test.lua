describe("c", function()
  it("has a syntax error below", function() end)
end)
local x = = 1
