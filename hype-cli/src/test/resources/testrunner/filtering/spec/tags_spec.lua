describe("parser #fast", function()
  it("parses numbers", function()
    assert.equals(42, tonumber("42"))
  end)

  it("parses strings #slow", function()
    assert.equals("x", tostring("x"))
  end)
end)

describe("printer", function()
  it("prints #fast", function()
    assert.equals("1", tostring(1))
  end)

  it("prints tables", function()
    assert.is_string(tostring({}))
  end)
end)
