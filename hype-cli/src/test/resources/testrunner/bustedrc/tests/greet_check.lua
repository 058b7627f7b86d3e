local greet = require("greet")

describe("greet", function()
  it("uses the helper", function()
    assert.is_true(HELPER_LOADED)
  end)

  it("greets", function()
    assert.equals("hello ada", greet("ada"))
  end)

  it("is excluded by .busted #slow", function()
    error("must not run")
  end)
end)
