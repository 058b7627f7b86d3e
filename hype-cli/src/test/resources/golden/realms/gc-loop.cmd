--timeout
0.5
gc-loop.lua
