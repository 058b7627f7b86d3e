-- Read a data file that sits next to this script, wherever it is run from.
local path = __dirname .. "/data/notes.txt"
local file = assert(io.open(path, "r"))
local lines = {}
for line in file:lines() do lines[#lines + 1] = line end
file:close()
print("Read " .. #lines .. " lines from data/notes.txt:")
for i, line in ipairs(lines) do print(i .. ": " .. line) end
