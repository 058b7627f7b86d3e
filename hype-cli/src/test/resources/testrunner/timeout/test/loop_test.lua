describe("a loop", function()
  it("never ends", function()
    while true do end
  end)
end)
