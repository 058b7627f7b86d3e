print("start")
require("spinner")()
print("never printed")
