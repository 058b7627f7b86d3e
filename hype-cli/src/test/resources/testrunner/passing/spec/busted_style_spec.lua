-- Written to busted's documented API only: it must pass unchanged under busted too.
describe("a busted spec", function()
  local order = {}
  local value

  setup(function()
    table.insert(order, "setup")
  end)

  teardown(function()
    table.insert(order, "teardown")
  end)

  before_each(function()
    table.insert(order, "before_each")
    value = 10
  end)

  after_each(function()
    table.insert(order, "after_each")
  end)

  it("runs setup once, then before_each before every test", function()
    assert.are.same({ "setup", "before_each" }, order)
    assert.is_not.equal(0, value)
    value = 0
  end)

  it("resets state with before_each", function()
    assert.are.equal(10, value)
    assert.are.same({ "setup", "before_each", "after_each", "before_each" }, order)
  end)

  describe("a nested block", function()
    before_each(function()
      table.insert(order, "inner before_each")
      value = value + 1
    end)

    it("runs the outer before_each first", function()
      assert.are.equal(11, value)
      assert.are.same("before_each", order[#order - 1])
      assert.are.same("inner before_each", order[#order])
    end)

    it("can run cleanup with finally", function()
      local closed = false
      finally(function() closed = true end)
      assert.is_false(closed)
    end)
  end)

  context("assertions", function()
    it("has modifiers", function()
      assert.is_true(true)
      assert.is.falsy(nil)
      assert.truthy("yes")
      assert.is_nil(nil)
      assert.is_not_nil(0)
      assert.are_not.same({ 1 }, { 2 })
      assert.has_no.errors(function() end)
      assert.has.errors(function() error("boom") end)
      assert.is_table({})
      assert.is_string("s")
      assert.is_number(1)
      assert.is_function(print)
      assert.is.unique({ 1, 2, 3 })
      assert.matches("^h.llo", "hello")
      assert.is_not.matches("x", "hello")
      assert.same({ a = { b = { 1, 2 } } }, { a = { b = { 1, 2 } } })
    end)

    it("spies on functions", function()
      local obj = { greet = function(self, name) return "hi " .. name end }
      local s = spy.on(obj, "greet")
      assert.are.equal("hi bob", obj:greet("bob"))
      assert.spy(s).was.called()
      assert.spy(s).was.called(1)
      assert.spy(s).was_called_with(obj, "bob")
      assert.spy(s).was.called_with(match._, match.is_string())
      assert.spy(s).was_not.called_with(obj, "alice")
      s:revert()
      obj:greet("carol")
      assert.spy(s).was.called(1)
    end)

    it("stubs functions", function()
      local os_like = { time = function() return 1 end }
      stub(os_like, "time").returns(42)
      assert.are.equal(42, os_like.time())
      assert.stub(os_like.time).was.called(1)
      os_like.time:revert()
      assert.are.equal(1, os_like.time())
    end)

    it("counts calls of a new spy", function()
      local s = spy.new(function(x) return x * 2 end)
      s(1)
      s(2)
      assert.spy(s).was.called(2)
      assert.are.equal(2, #s.calls)
      assert.spy(s).was_not.called(3)
    end)
  end)

  pending("is not written yet")

  it("can be marked pending from inside", function()
    pending("waiting for a fix")
    error("never reached")
  end)
end)
