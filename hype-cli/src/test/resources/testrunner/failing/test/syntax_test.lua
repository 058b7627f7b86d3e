describe("loads", function()
  it("never runs", function() end)
end)

error("the file itself fails")
