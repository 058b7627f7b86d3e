-- A missing module: the error names the id, the requiring file, every location tried, and the stack.
print("before")
require("./modules/missing")
