-- hype:path — Node's path module for Lua: path.posix, path.win32, and the platform's flavour as
-- the module itself. Positions below are 0-based like Node's, read through at(); Lua strings are
-- bytes, so non-ASCII names pass through unchanged.
local native = ...
local cwd = native.cwd

local byte, sub, lower, concat = string.byte, string.sub, string.lower, table.concat
local type, select, error = type, select, error

local SLASH, BACKSLASH, DOT, COLON = 47, 92, 46, 58

local function at(s, i) return byte(s, i + 1) end
local function slice(s, from, to) return sub(s, from + 1, to) end

local function is_posix_sep(c) return c == SLASH end
local function is_win_sep(c) return c == SLASH or c == BACKSLASH end
local function is_letter(c) return c ~= nil and ((c >= 65 and c <= 90) or (c >= 97 and c <= 122)) end
local function is_device_root(s, i) return is_letter(at(s, i)) and at(s, i + 1) == COLON end

-- Raise Lua's bad-argument error at the caller of the public function, `depth` frames up.
local function arg_error(n, fname, expected, v, depth)
  error(("bad argument #%d to '%s' (%s expected, got %s)"):format(n, fname, expected, type(v)), depth)
end

local function check_string(v, n, fname, depth)
  if type(v) ~= "string" then arg_error(n, fname, "string", v, depth or 4) end
  return v
end

-- Collapse "." and ".." segments of a path without its root; ".." above the start is kept only
-- when allow_above_root (relative paths).
local SEGMENT = { ["/"] = "[^/]+", ["\\"] = "[^/\\]+" }

local function normalize_segments(p, allow_above_root, sep)
  local out, n = {}, 0
  for seg in p:gmatch(SEGMENT[sep]) do
    if seg == ".." then
      if n > 0 and out[n] ~= ".." then
        out[n] = nil
        n = n - 1
      elseif allow_above_root then
        n = n + 1
        out[n] = ".."
      end
    elseif seg ~= "." then
      n = n + 1
      out[n] = seg
    end
  end
  return concat(out, sep)
end

-- Scan the last segment of p at or after position `start`: where it starts and ends, its last
-- dot, and what precedes that dot (0: the dot opens the name, 1: only dots, -1: a name).
local function scan_last(p, start, is_sep, first_part)
  local start_dot, start_part, stop, matched_sep, pre_dot = -1, first_part or start, -1, true, 0
  for i = #p - 1, start, -1 do
    local c = at(p, i)
    if is_sep(c) then
      if not matched_sep then
        start_part = i + 1
        break
      end
    else
      if stop == -1 then
        matched_sep = false
        stop = i + 1
      end
      if c == DOT then
        if start_dot == -1 then start_dot = i elseif pre_dot ~= 1 then pre_dot = 1 end
      elseif start_dot ~= -1 then
        pre_dot = -1
      end
    end
  end
  return start_part, stop, start_dot, pre_dot
end

local function has_extension(start_part, stop, start_dot, pre_dot)
  if start_dot == -1 or stop == -1 or pre_dot == 0 then return false end
  return not (pre_dot == 1 and start_dot == stop - 1 and start_dot == start_part + 1)
end

-- The last segment of p from `start`, without trailing separators, minus `suffix` when the
-- segment ends with it and is longer than it.
local function last_segment(p, start, suffix, is_sep)
  local stop = #p
  while stop > start and is_sep(at(p, stop - 1)) do stop = stop - 1 end
  local first = stop
  while first > start and not is_sep(at(p, first - 1)) do first = first - 1 end
  local base = slice(p, first, stop)
  if suffix and suffix ~= "" and #suffix <= #p then
    if suffix == p then return "" end
    if #base > #suffix and sub(base, -#suffix) == suffix then base = sub(base, 1, #base - #suffix) end
  end
  return base
end

local function format_with(sep, name, obj)
  if type(obj) ~= "table" then arg_error(1, name, "table", obj, 4) end
  local dir = obj.dir or obj.root
  local ext = obj.ext or ""
  if ext ~= "" and at(ext, 0) ~= DOT then ext = "." .. ext end
  local base = obj.base or ((obj.name or "") .. ext)
  if not dir or dir == "" then return base end
  if dir == obj.root then return dir .. base end
  return dir .. sep .. base
end

local function check_all(fname, ...)
  local n = select("#", ...)
  for i = 1, n do check_string((select(i, ...)), i, fname, 5) end
  return n
end

---------------------------------------------------------------------------------------------------
-- posix
---------------------------------------------------------------------------------------------------
local posix = { sep = "/", delimiter = ":" }

function posix.isAbsolute(p)
  check_string(p, 1, "isAbsolute")
  return at(p, 0) == SLASH
end

-- Whether a posix path is already normal: no empty, "." or ".." segments.
local function is_normal(p)
  return not p:find("//", 1, true) and not ("/" .. p .. "/"):find("/%.%.?/")
end

function posix.normalize(p)
  check_string(p, 1, "normalize")
  if p == "" then return "." end
  if is_normal(p) then return p end
  local absolute = at(p, 0) == SLASH
  local trailing = at(p, #p - 1) == SLASH
  local body = normalize_segments(p, not absolute, "/")
  if body == "" then
    if absolute then return "/" end
    return trailing and "./" or "."
  end
  if trailing then body = body .. "/" end
  return absolute and "/" .. body or body
end

function posix.join(...)
  local parts, k = { ... }, 0
  for i = 1, select("#", ...) do
    local p = parts[i]
    if type(p) ~= "string" then arg_error(i, "join", "string", p, 3) end
    if p ~= "" then
      k = k + 1
      parts[k] = p
    end
  end
  if k == 0 then return "." end
  local joined = concat(parts, "/", 1, k)
  if is_normal(joined) then return joined end
  return posix.normalize(joined)
end

function posix.resolve(...)
  local n = check_all("resolve", ...)
  local resolved, absolute = "", false
  for i = n, 0, -1 do
    if absolute then break end
    local p = i > 0 and select(i, ...) or cwd()
    if p ~= "" then
      resolved = resolved == "" and p or p .. "/" .. resolved
      absolute = at(p, 0) == SLASH
    end
  end
  resolved = normalize_segments(resolved, not absolute, "/")
  if absolute then return "/" .. resolved end
  return resolved ~= "" and resolved or "."
end

local function split(p, sep_byte)
  local segs = {}
  for seg in p:gmatch(sep_byte == SLASH and "[^/]+" or "[^\\]+") do segs[#segs + 1] = seg end
  return segs
end

-- Relative path between two resolved paths, segment by segment; `same` compares two segments.
local function relative_segments(from, to, sep, same)
  local f, t = split(from, at(sep, 0)), split(to, at(sep, 0))
  local common = 0
  while common < #f and common < #t and same(f[common + 1], t[common + 1]) do common = common + 1 end
  local out = {}
  for _ = common + 1, #f do out[#out + 1] = ".." end
  for i = common + 1, #t do out[#out + 1] = t[i] end
  return concat(out, sep), common, #f, #t
end

function posix.relative(from, to)
  check_string(from, 1, "relative")
  check_string(to, 2, "relative")
  if from == to then return "" end
  from, to = posix.resolve(from), posix.resolve(to)
  if from == to then return "" end
  return (relative_segments(from, to, "/", rawequal))
end

function posix.dirname(p)
  check_string(p, 1, "dirname")
  if p == "" then return "." end
  local has_root = at(p, 0) == SLASH
  local stop, matched_sep = -1, true
  for i = #p - 1, 1, -1 do
    if at(p, i) == SLASH then
      if not matched_sep then
        stop = i
        break
      end
    else
      matched_sep = false
    end
  end
  if stop == -1 then return has_root and "/" or "." end
  if has_root and stop == 1 then return "//" end
  return slice(p, 0, stop)
end

function posix.basename(p, suffix)
  check_string(p, 1, "basename")
  if suffix ~= nil then check_string(suffix, 2, "basename") end
  return last_segment(p, 0, suffix, is_posix_sep)
end

function posix.extname(p)
  check_string(p, 1, "extname")
  local start_part, stop, start_dot, pre_dot = scan_last(p, 0, is_posix_sep)
  if not has_extension(start_part, stop, start_dot, pre_dot) then return "" end
  return slice(p, start_dot, stop)
end

function posix.parse(p)
  check_string(p, 1, "parse")
  local ret = { root = "", dir = "", base = "", ext = "", name = "" }
  if p == "" then return ret end
  local absolute = at(p, 0) == SLASH
  if absolute then ret.root = "/" end
  local start_part, stop, start_dot, pre_dot = scan_last(p, absolute and 1 or 0, is_posix_sep, 0)
  if stop ~= -1 then
    local first = (start_part == 0 and absolute) and 1 or start_part
    if has_extension(start_part, stop, start_dot, pre_dot) then
      ret.name = slice(p, first, start_dot)
      ret.base = slice(p, first, stop)
      ret.ext = slice(p, start_dot, stop)
    else
      ret.base = slice(p, first, stop)
      ret.name = ret.base
    end
  end
  if start_part > 0 then
    ret.dir = slice(p, 0, start_part - 1)
  elseif absolute then
    ret.dir = "/"
  end
  return ret
end

function posix.format(obj)
  local s = format_with("/", "format", obj) -- not a tail call: errors blame format's caller
  return s
end

function posix.toNamespacedPath(p)
  return p
end

---------------------------------------------------------------------------------------------------
-- win32
---------------------------------------------------------------------------------------------------
local win32 = { sep = "\\", delimiter = ";" }

-- Match a UNC root "\\server\share" from position 0: return the server, the share's start and
-- end, or nil when p starts with two separators but names no server.
local function unc_parts(p)
  local len = #p
  local j = 2
  while j < len and not is_win_sep(at(p, j)) do j = j + 1 end
  if j >= len or j == 2 then return nil end
  local server = slice(p, 2, j)
  local last = j
  while j < len and is_win_sep(at(p, j)) do j = j + 1 end
  if j >= len or j == last then return nil end
  last = j
  while j < len and not is_win_sep(at(p, j)) do j = j + 1 end
  return server, last, j
end

function win32.isAbsolute(p)
  check_string(p, 1, "isAbsolute")
  local len = #p
  if len == 0 then return false end
  if is_win_sep(at(p, 0)) then return true end
  return len > 2 and is_device_root(p, 0) and is_win_sep(at(p, 2))
end

-- A relative result must not read as a drive-relative path: "C:" first, or a segment ending in ":".
local function colon_could_mean_drive(p, tail)
  if #tail >= 2 and is_device_root(tail, 0) then return true end
  local i = p:find(":", 1, true)
  while i do
    if i == #p or is_win_sep(byte(p, i + 1)) then return true end
    i = p:find(":", i + 1, true)
  end
  return false
end

function win32.normalize(p)
  check_string(p, 1, "normalize")
  local len = #p
  if len == 0 then return "." end
  if len == 1 then return is_win_sep(at(p, 0)) and "\\" or p end
  local root_end, device, absolute = 0, nil, false
  if is_win_sep(at(p, 0)) then
    absolute = true
    if is_win_sep(at(p, 1)) then
      local server, share_start, share_end = unc_parts(p)
      if server then
        if share_end == len then return "\\\\" .. server .. "\\" .. slice(p, share_start, len) .. "\\" end
        device = "\\\\" .. server .. "\\" .. slice(p, share_start, share_end)
        root_end = share_end
      end
    else
      root_end = 1
    end
  elseif is_device_root(p, 0) then
    device = slice(p, 0, 2)
    root_end = 2
    if len > 2 and is_win_sep(at(p, 2)) then
      absolute = true
      root_end = 3
    end
  end
  local tail = root_end < len and normalize_segments(slice(p, root_end, len), not absolute, "\\") or ""
  if tail == "" and not absolute then tail = "." end
  if tail ~= "" and is_win_sep(at(p, len - 1)) then tail = tail .. "\\" end
  if device == nil and not absolute and p:find(":", 1, true) and colon_could_mean_drive(p, tail) then
    return ".\\" .. tail
  end
  if device == nil then return absolute and "\\" .. tail or tail end
  return absolute and device .. "\\" .. tail or device .. tail
end

function win32.join(...)
  local n = check_all("join", ...)
  local parts = {}
  for i = 1, n do
    local p = select(i, ...)
    if p ~= "" then parts[#parts + 1] = p end
  end
  if #parts == 0 then return "." end
  local joined, first = concat(parts, "\\"), parts[1]
  -- Keep a UNC root the first part spells out; otherwise collapse a run of leading separators.
  local unc = #first > 2 and is_win_sep(at(first, 0)) and is_win_sep(at(first, 1)) and not is_win_sep(at(first, 2))
  if not unc then
    local k = 0
    while k < #joined and is_win_sep(at(joined, k)) do k = k + 1 end
    if k >= 2 then joined = "\\" .. slice(joined, k, #joined) end
  end
  return win32.normalize(joined)
end

-- Split a path for resolve(): its device ("c:", "\\server\share" or ""), where its root ends,
-- and whether it is absolute.
local function win32_root(p)
  local len = #p
  if len == 1 then
    if is_win_sep(at(p, 0)) then return "", 1, true end
    return "", 0, false
  end
  if is_win_sep(at(p, 0)) then
    if is_win_sep(at(p, 1)) then
      local server, share_start, share_end = unc_parts(p)
      if server then return "\\\\" .. server .. "\\" .. slice(p, share_start, share_end), share_end, true end
      return "", 0, true
    end
    return "", 1, true
  end
  if is_device_root(p, 0) then
    if len > 2 and is_win_sep(at(p, 2)) then return slice(p, 0, 2), 3, true end
    return slice(p, 0, 2), 2, false
  end
  return "", 0, false
end

function win32.resolve(...)
  local n = check_all("resolve", ...)
  local device, tail, absolute = "", "", false
  for i = n, 0, -1 do
    local p
    if i > 0 then
      p = select(i, ...)
    elseif device == "" then
      p = cwd()
    else
      -- Windows keeps a working directory per drive, in the hidden variable "=C:".
      p = os.getenv("=" .. device) or cwd()
      if lower(slice(p, 0, 2)) ~= lower(device) and at(p, 2) == BACKSLASH then p = device .. "\\" end
    end
    if p ~= "" then
      local dev, root_end, abs = win32_root(p)
      local skip = dev ~= "" and device ~= "" and lower(dev) ~= lower(device)
      if not skip then
        if dev ~= "" then device = dev end
        if absolute then
          if device ~= "" then break end
        else
          tail = slice(p, root_end, #p) .. "\\" .. tail
          absolute = abs
          if abs and device ~= "" then break end
        end
      end
    end
  end
  tail = normalize_segments(tail, not absolute, "\\")
  if absolute then return device .. "\\" .. tail end
  local out = device .. tail
  return out ~= "" and out or "."
end

function win32.relative(from, to)
  check_string(from, 1, "relative")
  check_string(to, 2, "relative")
  if from == to then return "" end
  local from_orig, to_orig = win32.resolve(from), win32.resolve(to)
  if from_orig == to_orig or lower(from_orig) == lower(to_orig) then return "" end
  local out, common, nfrom, nto = relative_segments(from_orig, to_orig, "\\", function(a, b) return lower(a) == lower(b) end)
  -- Nothing in common (another drive or server): only the absolute path leads there.
  if common == 0 and nfrom > 0 and nto > 0 then return to_orig end
  return out
end

-- Where the root of p ends for dirname() and parse(): -1 without a root.
local function win32_root_end(p)
  local len = #p
  if is_win_sep(at(p, 0)) then
    if is_win_sep(at(p, 1)) then
      local server, _, share_end = unc_parts(p)
      if server then
        if share_end == len then return len, true end
        return share_end + 1, false
      end
    end
    return 1, false
  end
  if is_device_root(p, 0) then
    return (len > 2 and is_win_sep(at(p, 2))) and 3 or 2, false
  end
  return -1, false
end

function win32.dirname(p)
  check_string(p, 1, "dirname")
  local len = #p
  if len == 0 then return "." end
  if len == 1 then return is_win_sep(at(p, 0)) and p or "." end
  local root_end, whole = win32_root_end(p)
  if whole then return p end
  local stop, matched_sep = -1, true
  for i = len - 1, math.max(root_end, 0), -1 do
    if is_win_sep(at(p, i)) then
      if not matched_sep then
        stop = i
        break
      end
    else
      matched_sep = false
    end
  end
  if stop == -1 then
    if root_end == -1 then return "." end
    stop = root_end
  end
  return slice(p, 0, stop)
end

function win32.basename(p, suffix)
  check_string(p, 1, "basename")
  if suffix ~= nil then check_string(suffix, 2, "basename") end
  local start = (#p >= 2 and is_device_root(p, 0)) and 2 or 0
  return last_segment(p, start, suffix, is_win_sep)
end

function win32.extname(p)
  check_string(p, 1, "extname")
  local start = (#p >= 2 and is_device_root(p, 0)) and 2 or 0
  local start_part, stop, start_dot, pre_dot = scan_last(p, start, is_win_sep)
  if not has_extension(start_part, stop, start_dot, pre_dot) then return "" end
  return slice(p, start_dot, stop)
end

function win32.parse(p)
  check_string(p, 1, "parse")
  local ret = { root = "", dir = "", base = "", ext = "", name = "" }
  local len = #p
  if len == 0 then return ret end
  if len == 1 then
    if is_win_sep(at(p, 0)) then
      ret.root, ret.dir = p, p
    else
      ret.base, ret.name = p, p
    end
    return ret
  end
  local root_end = 0
  if is_win_sep(at(p, 0)) then
    root_end = 1
    if is_win_sep(at(p, 1)) then
      local server, _, share_end = unc_parts(p)
      if server then root_end = share_end == len and len or share_end + 1 end
    end
  elseif is_device_root(p, 0) then
    if len <= 2 or (len == 3 and is_win_sep(at(p, 2))) then
      ret.root, ret.dir = p, p
      return ret
    end
    root_end = is_win_sep(at(p, 2)) and 3 or 2
  end
  if root_end > 0 then ret.root = slice(p, 0, root_end) end
  local start_part, stop, start_dot, pre_dot = scan_last(p, root_end, is_win_sep)
  if stop ~= -1 then
    if has_extension(start_part, stop, start_dot, pre_dot) then
      ret.name = slice(p, start_part, start_dot)
      ret.base = slice(p, start_part, stop)
      ret.ext = slice(p, start_dot, stop)
    else
      ret.base = slice(p, start_part, stop)
      ret.name = ret.base
    end
  end
  if start_part > 0 and start_part ~= root_end then
    ret.dir = slice(p, 0, start_part - 1)
  else
    ret.dir = ret.root
  end
  return ret
end

function win32.format(obj)
  local s = format_with("\\", "format", obj)
  return s
end

function win32.toNamespacedPath(p)
  if type(p) ~= "string" or p == "" then return p end
  local resolved = win32.resolve(p)
  if #resolved <= 2 then return p end
  if at(resolved, 0) == BACKSLASH and at(resolved, 1) == BACKSLASH then
    local c = at(resolved, 2)
    if c ~= 63 and c ~= DOT then return "\\\\?\\UNC\\" .. slice(resolved, 2, #resolved) end
  elseif is_device_root(resolved, 0) and at(resolved, 2) == BACKSLASH then
    return "\\\\?\\" .. resolved
  end
  return resolved
end

posix.posix, posix.win32 = posix, win32
win32.posix, win32.win32 = posix, win32

local platform = package.config:sub(1, 1) == "\\" and win32 or posix
local path = {}
for k, v in pairs(platform) do path[k] = v end
return path
