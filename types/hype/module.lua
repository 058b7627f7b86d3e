---@meta module

---The module record each module's chunk sees as `module` (see docs/modules.md).
---@class hype.Module
---@field id string the canonical path of the module; "." for the main script
---@field filename string the canonical path of the module's file
---@field path string the directory of the module's file
---@field paths string[] the directories a bare `require` of this module searches, in order
---@field features table<string, true> the features enabled for this module's package (`packages.<name>.features` of hype-lock.json), or for the project's own files the project's (`root.features`); empty when none is on
---@field loaded boolean whether the module's chunk has finished running
---@field exports any the module's exports, the module's value unless its chunk returns one
---@field children hype.Module[] the modules this module required first
---@field parent hype.Module? the module that required this one first (hidden across realms)
---@field require fun(id: string): any this module's own `require`
module = {}

---The initial `module.exports` table.
---@type table
exports = {}

---The canonical path of the module's file.
---@type string
__filename = ""

---The directory of the module's file.
---@type string
__dirname = ""
