-- A package ships a precompiled module (compiled.lua is a binary chunk) and requires it: the VM
-- does not verify bytecode, so loading one is loading native code, whichever way it is reached.
-- expect: denied native require {evil}/compiled.lua
-- expect: denied native require {evil}/compiled.lua
-- expect: denied native loadfile
local try = require("./try")
return {
  try(require, "./compiled"),
  try(require, "evil/compiled"),
  try(loadfile, "{evil}/compiled.lua"),
}
