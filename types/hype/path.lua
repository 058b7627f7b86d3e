---@meta path

---Node's path module: the same results as Node on the same inputs. The module itself is the
---platform's flavour; `path.posix` and `path.win32` are always available.
---@class hype.path
---@field sep string "/" (posix) or "\\" (win32)
---@field delimiter string ":" (posix) or ";" (win32)
---@field posix hype.path
---@field win32 hype.path
local path = {}

---The parts of a path, as `parse` returns and `format` takes them.
---@class hype.path.Parsed
---@field root string
---@field dir string
---@field base string
---@field ext string
---@field name string

---Join the non-empty segments with the separator and normalize the result ("." when empty).
---@param ... string
---@return string
function path.join(...) end

---Resolve the segments from right to left until an absolute path is formed, starting from
---`process.cwd()`; the result is normalized and has no trailing separator.
---@param ... string
---@return string
function path.resolve(...) end

---Resolve "." and ".." segments and collapse repeated separators, keeping a trailing one.
---@param p string
---@return string
function path.normalize(p) end

---Return the directory part of `p`.
---@param p string
---@return string
function path.dirname(p) end

---Return the last segment of `p`, without `suffix` when it ends with it.
---@param p string
---@param suffix? string
---@return string
function path.basename(p, suffix) end

---Return the extension of the last segment, from its last "." (empty for none, or for dot-files).
---@param p string
---@return string
function path.extname(p) end

---Return the relative path from `from` to `to` (both resolved first).
---@param from string
---@param to string
---@return string
function path.relative(from, to) end

---Return whether `p` is absolute.
---@param p string
---@return boolean
function path.isAbsolute(p) end

---Split `p` into root, dir, base, ext and name.
---@param p string
---@return hype.path.Parsed
function path.parse(p) end

---Build a path from parts: `dir` (or `root`) plus `base` (or `name` .. `ext`).
---@param parts {root?: string, dir?: string, base?: string, name?: string, ext?: string}
---@return string
function path.format(parts) end

---Return `p` unchanged on posix; on win32 the resolved path, in the `\\?\` form when it has a drive or server.
---@param p string
---@return string
function path.toNamespacedPath(p) end

return path
