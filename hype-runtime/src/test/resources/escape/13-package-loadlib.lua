-- package.loadlib loads a C library and a function from it.
-- expect: denied native package.loadlib libc.so.6
-- message: PERMISSION_DENIED: package 'evil' may not load native code libc.so.6 (package.loadlib); allow it with permissions.native in evil's hype.json, then approve it with 'hype pkg install --allow-permissions'
-- expect: denied native package.loadlib libc.so.6
-- expect: denied native package.loadlib {outside}/evil.so
local try = require("./try")
return {
  try(package.loadlib, "libc.so.6", "system"),
  try(package.loadlib, "libc.so.6", "*"),
  try(package.loaded.package.loadlib, "{outside}/evil.so", "luaopen_evil"),
}
