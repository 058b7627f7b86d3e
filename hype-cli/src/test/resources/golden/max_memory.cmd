--max-memory
32m
max_memory.lua
