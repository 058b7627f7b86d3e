-- hype:fs — Node's synchronous file functions. They are Java functions (FsModule), exported as they
-- are, so argument errors point at the caller's line.
local native = ...
local fs = {}
for name, fn in pairs(native) do fs[name] = fn end
return fs
