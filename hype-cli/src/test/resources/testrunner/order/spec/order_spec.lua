-- Checked against busted 2.1.1: the same 5 successes, 1 failure, 2 errors and 1 pending.
local log = {}
local function push(x) return function() log[#log + 1] = x end end

describe("outer", function()
  setup(push("outer setup"))
  lazy_setup(push("outer lazy"))
  teardown(push("outer teardown"))
  before_each(push("outer before"))
  after_each(push("outer after"))

  describe("inner", function()
    strict_setup(push("inner setup"))
    lazy_setup(push("inner lazy"))
    before_each(push("inner before"))
    after_each(push("inner after"))
    lazy_teardown(push("inner lazy teardown"))
    strict_teardown(push("inner teardown"))
    it("first", function() log[#log + 1] = "first" end)
    it("second fails", function()
      finally(push("finally"))
      assert.is_true(false)
    end)
    pending("pending with fn", function() error("never") end)
  end)

  describe("empty inner", function()
    lazy_setup(push("empty lazy never"))
    setup(push("empty strict"))
  end)

  describe("broken nested setup", function()
    setup(function() error("nested setup broke") end)
    it("skipped", function() end)
    describe("deeper", function()
      it("also skipped", function() end)
    end)
  end)
end)

describe("log", function()
  it("has the busted order", function()
    assert.same({
      "outer setup", "inner setup", "outer lazy", "inner lazy", "outer before", "inner before", "first",
      "inner after", "outer after", "outer before", "inner before", "finally", "inner after", "outer after",
      "inner lazy teardown", "inner teardown", "empty strict", "outer teardown",
    }, log)
  end)
end)

describe("error midway", function()
  it("registered before", function() end)
  error("midway")
end)

insulate("outer insulate", function()
  A = 1
  insulate("inner insulate", function()
    B = 2
    it("sees both", function() assert.equal(1, A); assert.equal(2, B) end)
  end)
  it("lost B", function() assert.is_nil(B) end)
end)

describe("after", function()
  it("lost A", function() assert.is_nil(A) end)
end)
