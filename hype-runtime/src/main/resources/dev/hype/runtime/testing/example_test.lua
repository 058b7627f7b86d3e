-- Tests for {{name}}. Run them with `hype test` (or `hype pkg test`).
-- The API is busted's: describe/it, before_each/after_each, assert, spy, stub, mock.
local subject = require("{{require}}")

describe("{{name}}", function()
  it("loads", function()
    assert.is_not_nil(subject)
  end)

  it("compares values deeply with assert.same", function()
    assert.are.same({ ok = true, items = { 1, 2 } }, { ok = true, items = { 1, 2 } })
  end)

  it("checks errors with assert.has_error", function()
    assert.has_error(function() error("boom", 0) end, "boom")
  end)

  it("records calls with spies", function()
    local callback = spy.new(function(x) return x * 2 end)
    assert.are.equal(4, callback(2))
    assert.spy(callback).was.called_with(2)
  end)
end)
