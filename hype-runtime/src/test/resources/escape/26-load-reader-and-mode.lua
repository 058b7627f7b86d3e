-- load with a reader function that returns a binary chunk piece by piece (no string to inspect),
-- and with mode "b": without native, loads are text only.
-- expect: ok: nil, "attempt to load a binary chunk (mode is 't')"
-- expect: ok: nil, "attempt to load a binary chunk (mode is 't')"
-- expect: ok: function
local try = require("./try")
local function reader()
  local pieces = { "\27", "Lua\84\0\25\147\13\10\26\10", "\4\8\8\120\86\0\0\0\0\0\0\0\0\0\0\0\40\119\64\1" }
  local i = 0
  return function()
    i = i + 1
    return pieces[i]
  end
end
return {
  try(load, reader()),
  try(load, reader(), "chunk", "b"),
  -- a text chunk in mode "b" is loaded as text: no binary chunk can follow that way
  try(load, "return 1", "chunk", "b"),
}
