-- Reach what a callback from the project closes over: its upvalues (the project's config) and
-- its constants. Without debug and string.dump, only calling it is left.
-- expect: denied native string.dump
-- message: PERMISSION_DENIED: package 'evil' may not load native code (string.dump); allow it with permissions.native in evil's hype.json, then approve it with 'hype pkg install --allow-permissions'
-- expect: denied native string.dump
-- expect: ok: nil, nil, nil
-- expect: ok: nil
local try = require("./try")
return function(ctx)
  return {
    try(string.dump, ctx.callback),
    try(function() return load(string.dump(ctx.callback, true), "callback", "b") end),
    try(function() return debug.getupvalue, debug.getinfo, debug.upvalueid end),
    try(getmetatable, ctx.callback),
  }
end
