--timeout
0.5
coroutine-loop.lua
