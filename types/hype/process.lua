---@meta process

---The running program.
---@class hype.process
---@field argv string[] `{ "hype", script, args... }`
---@field env table<string, string> the environment; assignments reach os.getenv and child processes
---@field platform "linux"|"darwin"|"win32"|string
---@field arch "x64"|"arm64"|"ia32"|string
---@field pid integer
---@field versions {lua: string}
---@field exitCode? integer the status `process.exit()` uses when given none
---@field stdout hype.process.Writable
---@field stderr hype.process.Writable
---@field stdin hype.process.Readable
---@field permissions hype.process.Permissions what this code may do (see docs/permissions.md)
local process = {}

---@class hype.process.Writable
---@field fd integer
local Writable = {}

---Write strings or numbers through Lua's io.stdout/io.stderr, in order with print; returns the stream.
---@param ... string|number
---@return self
function Writable:write(...) end

---@return self
function Writable:flush() end

---@class hype.process.Readable
---@field fd integer
local Readable = {}

---Read from io.stdin with Lua's formats ("l", "L", "n", "a" or a byte count).
---@param ... string|integer
---@return string|number|nil
function Readable:read(...) end

---Iterate over io.stdin's lines.
---@return fun(): string|nil
function Readable:lines(...) end

---Return the working directory fs and path resolve against.
---@return string
function process.cwd() end

---Change the working directory (for fs, path.resolve and process.cwd).
---@param dir string
function process.chdir(dir) end

---Exit with `code` (default `process.exitCode` or 0), through os.exit: no pcall can catch it.
---@param code? integer
function process.exit(code) end

---Return a monotonic clock reading in nanoseconds.
---@return integer
function process.hrtime() end


---@class hype.process.Permissions
local permissions = {}

--- Return whether this code may do `kind` on `resource`: "read"/"write" a path, "net" a URL or
--- host[:port], "env" a variable name, "java" a class name; "run" and "native" take no resource.
--- Always true for the project's own code unless it runs with `hype --sandbox`.
---@param kind "read"|"write"|"net"|"env"|"run"|"java"|"native"
---@param resource? string
---@return boolean
function permissions.has(kind, resource) end

return process
