-- Run a LuaRocks data file (a rockspec, a manifest, a rock_manifest) as LuaRocks' persist.load_into_table
-- does: in an empty environment whose globals become the result. Hand the result to Java as JSON.
-- Runs in a Lua state of its own, with a memory cap and an instruction budget.
local natives = ...
local source, name, keys, budget = natives.source(), natives.name(), natives.keys(), natives.budget()
local platforms = natives.platforms()

local env = {}
local chunk, err = load(source, name, "t", env)
if not chunk then return natives.fail("load", err) end
debug.sethook(function() error("took too long to run (more than " .. budget .. " instructions)", 0) end, "", budget)
local ok, run_err = pcall(chunk)
debug.sethook()
if not ok then return natives.fail("run", tostring(run_err)) end

-- A rockspec's platform overrides, as rockspecs.lua applies them: tbl.platforms[p] deep-merged over tbl for
-- each platform of this machine, least specific first, then tbl.platforms dropped.
local function deep_merge(dst, src)
  for k, v in pairs(src) do
    if type(v) == "table" then
      if dst[k] == nil then dst[k] = {} end
      if type(dst[k]) == "table" then deep_merge(dst[k], v) else dst[k] = v end
    else
      dst[k] = v
    end
  end
end
if platforms ~= "" then
  for _, field in ipairs({ "build", "dependencies", "build_dependencies", "test_dependencies",
                           "external_dependencies", "source", "hooks", "test" }) do
    local tbl = env[field]
    if type(tbl) == "table" then
      if type(tbl.platforms) == "table" then
        for platform in platforms:gmatch("[^,]+") do
          if type(tbl.platforms[platform]) == "table" then deep_merge(tbl, tbl.platforms[platform]) end
        end
      end
      tbl.platforms = nil
    end
  end
end

local out, n = {}, 0
local function put(s) n = n + 1; out[n] = s end
local format, byte, gsub, type, pairs, tostring = string.format, string.byte, string.gsub, type, pairs, tostring
local math_type = math.type

local function quote(s)
  return '"' .. gsub(s, '[%c"\\]', function(c)
    local b = byte(c)
    if c == '"' then return '\\"' elseif c == "\\" then return "\\\\"
    elseif c == "\n" then return "\\n" elseif c == "\t" then return "\\t" end
    return format("\\u%04x", b)
  end) .. '"'
end

local seen = {}
local write

local function write_table(t)
  if seen[t] then error("a table refers to itself", 0) end
  seen[t] = true
  local count, max = 0, 0
  for k in pairs(t) do
    count = count + 1
    if math_type(k) == "integer" and k > 0 and k > max then max = k end
  end
  if count > 0 and max == count then
    put("[")
    for i = 1, max do
      if i > 1 then put(",") end
      write(t[i])
    end
    put("]")
  else
    put("{")
    local first = true
    for k, v in pairs(t) do
      local kt = type(k)
      if (kt == "string" or kt == "number") and type(v) ~= "function" then
        if not first then put(",") end
        first = false
        put(quote(tostring(k)))
        put(":")
        write(v)
      end
    end
    put("}")
  end
  seen[t] = nil
end

write = function(v)
  local t = type(v)
  if t == "string" then put(quote(v))
  elseif t == "number" then
    if math_type(v) == "integer" then put(tostring(v))
    elseif v ~= v or v == math.huge or v == -math.huge then put("null")
    else put(format("%.17g", v)) end
  elseif t == "boolean" then put(tostring(v))
  elseif t == "table" then write_table(v)
  else put("null") end
end

if keys == "repository:lines" then
  -- A server manifest, as lines "NAME\tVERSION\tARCH,ARCH": the one part of it Hype reads, and much
  -- cheaper than JSON for luarocks.org's tens of thousands of versions.
  local repository = env.repository
  if type(repository) ~= "table" then return natives.fail("run", "it has no repository table") end
  local find, concat_ = string.find, table.concat
  for name, versions in pairs(repository) do
    if type(name) == "string" and not find(name, "%c") and type(versions) == "table" then
      for version, entries in pairs(versions) do
        if type(version) == "string" and not find(version, "%c") and type(entries) == "table" then
          local arches = {}
          for _, entry in ipairs(entries) do
            if type(entry) == "table" and type(entry.arch) == "string" and not find(entry.arch, "[%c,]") then
              arches[#arches + 1] = entry.arch
            end
          end
          put(name) put("\t") put(version) put("\t") put(concat_(arches, ",")) put("\n")
        end
      end
    end
  end
  return natives.result(table.concat(out))
elseif keys == "" then
  write(env)
else
  local selected = {}
  for key in keys:gmatch("[^,]+") do selected[key] = env[key] end
  write(selected)
end
return natives.result(table.concat(out))
