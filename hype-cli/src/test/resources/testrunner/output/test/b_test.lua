describe("b", function()
  it("prints too", function() print("b: hello") end)
end)
