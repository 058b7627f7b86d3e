-- hype:http — an HTTP client. request and get are Java functions (HttpModule), exported as they
-- are, so argument errors point at the caller's line.
local native = ...
local http = {}
for name, fn in pairs(native) do http[name] = fn end
return http
