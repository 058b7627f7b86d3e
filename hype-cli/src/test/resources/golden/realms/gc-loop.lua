print("start")
require("finalizer")()
print("never printed")
