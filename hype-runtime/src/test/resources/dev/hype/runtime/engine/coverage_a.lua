-- part a of the coverage test chunk
local t = {}
