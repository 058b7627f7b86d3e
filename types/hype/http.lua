---@meta http

---An HTTP client on the JDK's HttpClient. Calls return when the whole response has arrived;
---bodies are Lua strings holding the raw bytes. A 404 or 500 is a result; network failures raise
---a `hype.http.Error` table, and connections a package may not make raise `PERMISSION_DENIED`.
---@class hype.http
local http = {}

---@alias hype.http.Code "ECONNREFUSED"|"ENOTFOUND"|"ETIMEDOUT"|"ECONNRESET"|"EHOSTUNREACH"|"ENETUNREACH"|"ERR_TLS"|"EPROTO"|"ERR_TOO_MANY_REDIRECTS"|"ERR_INVALID_REDIRECT"|"EINTR"|"EIO"

---The error table a failed request raises. `tostring(err)` is the message, e.g.
---`ECONNREFUSED: connection refused, GET http://127.0.0.1:9/`.
---@class hype.http.Error
---@field code hype.http.Code
---@field message string
---@field method string the method of the request that failed
---@field url string the URL of the request that failed (after any redirects)

---What `http.get` accepts besides the URL.
---@class hype.http.GetOptions
---@field headers? table<string, string|number> request headers; ASCII values; `Host`, `Content-Length`, `Connection`, `Expect` and `Upgrade` are set by the client
---@field timeout? number seconds the whole call may take, redirects and body included (default 30)
---@field redirect? "follow"|"manual" follow up to 20 redirects (default), or return a 3xx as it is

---What `http.request` accepts.
---@class hype.http.RequestOptions: hype.http.GetOptions
---@field url string an absolute http:// or https:// URL
---@field method? string default "GET"; sent upper-case
---@field body? string the request body, as bytes

---What a request returns.
---@class hype.http.Response
---@field status integer the status code
---@field ok boolean whether the status is from 200 to 299
---@field headers table<string, string|string[]> by lower-case name; repeated headers joined with ", "; `set-cookie` is always a list
---@field body string the body's bytes
---@field url string the URL that gave this response, after redirects
---@field redirects integer how many redirects were followed

---Send the request `options` describes. 303 (and 301/302 after a POST) turn into a GET without
---body; 307 and 308 repeat the method and body; credentials are dropped when a redirect leaves
---the origin.
---@param options hype.http.RequestOptions
---@return hype.http.Response
function http.request(options) end

---Send a GET request to `url`.
---@param url string
---@param options? hype.http.GetOptions
---@return hype.http.Response
function http.get(url, options) end

return http
