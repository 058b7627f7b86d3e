--timeout
0.5
timeout.lua
