args.lua
one
two words
