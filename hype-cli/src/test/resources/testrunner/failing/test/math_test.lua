describe("math", function()
  it("adds", function()
    assert.equals(2, 1 + 1)
  end)

  it("compares numbers", function()
    assert.equals(5, 2 + 2)
  end)

  it("compares tables", function()
    assert.same({ name = "ada", langs = { "lua", "c" } }, { name = "ada", langs = { "lua", "java" } })
  end)

  it("explains with a message", function()
    assert.is_true(false, "the flag should be set")
  end)

  it("errors", function()
    local t = nil
    return t.field
  end)

  it("is pending")
end)
