-- A first Hype program: prints a greeting and the script's arguments.
local who = arg[1] or "world"
print(("Hello, %s! (%s)"):format(who, _VERSION))
