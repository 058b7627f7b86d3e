-- a requires b, b requires a: b sees a's partial exports, and one warning names the cycle.
local a = require("./modules/cycle-a")
print("a.name =", a.name, "b saw:", a.b_saw)
