-- The same cycle under --strict-cycles is an error with the same text.
local a = require("./modules/cycle-a")
print("a.name =", a.name, "b saw:", a.b_saw)
