does-not-exist.lua
