local math_lib = require("math-lib")

print("5 + 3 = " .. math_lib.add(5, 3))
print("5 * 3 = " .. math_lib.multiply(5, 3))
