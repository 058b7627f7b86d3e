---@meta fs

---Node's synchronous file functions. Paths are relative to `process.cwd()`; file contents are
---Lua strings holding the raw bytes. Failures raise a `hype.fs.Error` table.
---@class hype.fs
local fs = {}

---@alias hype.fs.Encoding "utf8"|"utf-8"|"latin1"|"binary"|"base64"|"hex"

---@alias hype.fs.Code "ENOENT"|"EACCES"|"EPERM"|"EEXIST"|"ENOTDIR"|"EISDIR"|"ENOTEMPTY"|"ELOOP"|"EXDEV"|"EIO"

---The error table fs raises. `tostring(err)` is the message, e.g.
---`ENOENT: no such file or directory, open 'missing.txt'`.
---@class hype.fs.Error
---@field code hype.fs.Code
---@field errno integer Linux's error number, negative as Node reports it (ENOENT is -2)
---@field syscall string the operation that failed: open, read, stat, lstat, scandir, mkdir, rm, rename, copyfile, realpath, chdir
---@field path string the path as the caller gave it
---@field dest? string the second path of rename and copyfile
---@field message string

---What `statSync` and `lstatSync` return.
---@class hype.fs.Stats
---@field size integer bytes
---@field mode integer st_mode: the file type bits and the permission bits
---@field mtime number modification time, seconds since the epoch (with a fraction)
---@field mtimeMs number modification time, milliseconds since the epoch
---@field atime number
---@field atimeMs number
---@field ctime number
---@field ctimeMs number
---@field birthtime number
---@field birthtimeMs number
---@field uid? integer Unix only
---@field gid? integer Unix only
---@field ino? integer Unix only
---@field nlink? integer Unix only
---@field dev? integer Unix only
local Stats = {}

---@return boolean
function Stats:isFile() end

---@return boolean
function Stats:isDirectory() end

---True only for `lstatSync` of a symbolic link.
---@return boolean
function Stats:isSymbolicLink() end

---Read a whole file. Without an encoding the result is the raw bytes; `"utf8"` replaces invalid
---sequences with U+FFFD, `"latin1"` converts to UTF-8, `"base64"` and `"hex"` encode the bytes.
---@param path string
---@param options? hype.fs.Encoding|{encoding?: hype.fs.Encoding}
---@return string
function fs.readFileSync(path, options) end

---Create or replace a file with `data`. With `"base64"`, `"hex"` or `"latin1"`, `data` is decoded first.
---@param path string
---@param data string
---@param options? hype.fs.Encoding|{encoding?: hype.fs.Encoding}
function fs.writeFileSync(path, data, options) end

---Append `data` to a file, creating it when missing.
---@param path string
---@param data string
---@param options? hype.fs.Encoding|{encoding?: hype.fs.Encoding}
function fs.appendFileSync(path, data, options) end

---Return whether something exists at `path` (following symbolic links). Never raises for a missing path.
---@param path string
---@return boolean
function fs.existsSync(path) end

---Describe the file at `path`, following symbolic links. With `throwIfNoEntry = false` a missing
---file gives nil instead of an ENOENT error.
---@param path string
---@param options? {throwIfNoEntry?: boolean}
---@return hype.fs.Stats|nil
function fs.statSync(path, options) end

---Like `statSync`, but describes a symbolic link itself.
---@param path string
---@param options? {throwIfNoEntry?: boolean}
---@return hype.fs.Stats|nil
function fs.lstatSync(path, options) end

---Return the names in a directory, sorted bytewise, without "." and "..".
---@param path string
---@return string[]
function fs.readdirSync(path) end

---Create a directory. With `recursive = true`, create missing parents too, succeed when the
---directory exists, and return the first directory created (absolute), or nil.
---@param path string
---@param options? {recursive?: boolean}
---@return string|nil
function fs.mkdirSync(path, options) end

---Remove a file, or with `recursive = true` a directory tree. `force = true` ignores a missing path.
---@param path string
---@param options? {recursive?: boolean, force?: boolean}
function fs.rmSync(path, options) end

---Rename (move) `old` to `new`, replacing a file at `new`.
---@param old string
---@param new string
function fs.renameSync(old, new) end

---Copy a file's bytes to `dest`, replacing it.
---@param src string
---@param dest string
function fs.copyFileSync(src, dest) end

---Return the canonical absolute path: symbolic links, "." and ".." resolved.
---@param path string
---@return string
function fs.realpathSync(path) end

return fs
