-- A package runs with only the permissions hype-lock.json approved for it.
-- Run from this directory: hype app.lua
local notes = require("notes-reader")

print("notes: " .. notes.count("data/notes.txt"))

-- app.lua is outside data/: the package may not read it, whoever asks.
local ok, err = pcall(notes.count, "app.lua")
print("read app.lua:", ok, err.code, err.package, err.kind, err.operation)

-- The project's own code is unrestricted (unless hype --sandbox app.lua).
local process = require("process")
print("project may read app.lua:", process.permissions.has("read", "app.lua"))
