-- A tour of the built-in modules. Runs once require() resolves built-ins (hype examples/builtins.lua).
local fs = require("fs")
local path = require("hype:path")
local json = require("json")
local util = require("util")
local T = require("table")
local process = require("process")
local EventEmitter = require("events").EventEmitter

local dir = path.join(os.getenv("TMPDIR") or "/tmp", "hype-builtins-" .. process.pid)
fs.mkdirSync(dir, { recursive = true })

local config = { name = "demo", tags = json.array(), limits = { max = 10, ratio = 0.5 } }
local file = path.join(dir, "config.json")
fs.writeFileSync(file, json.encode(config, { indent = 2, sort_keys = true }))
local back = json.decode(fs.readFileSync(file, "utf8"))
print(util.inspect(back))
assert(util.deepEqual(back.limits, config.limits))

local ok, err = pcall(fs.readFileSync, path.join(dir, "missing.txt"))
print(ok, err.code, tostring(err))

local bus = EventEmitter.new()
bus:on("tick", function(n) process.stdout:write("tick ", n, "\n") end)
for i = 1, 3 do bus:emit("tick", i) end

print(util.format("%d files, squares %j", #fs.readdirSync(dir), T.map({ 1, 2, 3 }, function(v) return v * v end)))
fs.rmSync(dir, { recursive = true })
print("argv:", util.inspect(process.argv), "platform:", process.platform)
