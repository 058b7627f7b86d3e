-- load a binary chunk given as a string (a Lua 5.4 header), in every mode and environment.
-- expect: denied native load
-- expect: denied native load
-- expect: denied native load
-- expect: denied native load
local try = require("./try")
local header = "\27Lua\84\0\25\147\13\10\26\10\4\8\8\120\86\0\0\0\0\0\0\0\0\0\0\0\40\119\64\1"
return {
  try(load, header),
  try(load, header, "chunk", "b"),
  try(load, header, "chunk", "bt", {}),
  try(load, header .. "trailing", "=[hype] modules", "b", nil),
}
