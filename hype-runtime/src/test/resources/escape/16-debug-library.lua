-- The debug library: everything that reads or changes upvalues, locals, hooks, metatables or the
-- registry is missing; only traceback is left.
-- expect: ok: "traceback"
-- expect: ok: nil, nil, nil, nil, nil, nil, nil, nil
-- expect: ok: "x\nstack traceback:*"
local try = require("./try")
return {
  try(function()
    local names = {}
    for name in pairs(debug) do names[#names + 1] = name end
    table.sort(names)
    return table.concat(names, ",")
  end),
  try(function()
    return debug.getupvalue, debug.setupvalue, debug.upvaluejoin, debug.getinfo, debug.getlocal,
      debug.getregistry, debug.sethook, debug.getmetatable
  end),
  try(debug.traceback, "x"),
}
