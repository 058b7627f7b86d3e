-- io.input and io.output make a file outside the grants the default input or output; changing
-- the package's own defaults must not redirect the project's io.read and io.write.
-- expect: denied read io.input {secret}
-- expect: denied write io.output {outside}/pwned.txt
-- expect: denied write io.output {secret}
-- expect: ok: true, true
-- absent: {outside}/pwned.txt
local try = require("./try")
return {
  try(function() io.input("{secret}") return io.read("a") end),
  try(function() io.output("{outside}/pwned.txt") return io.write("pwned") end),
  try(io.output, "{secret}"),
  try(function()
    io.output(io.stderr)
    io.input(io.stderr)
    return io.output() == io.stderr, io.input() == io.stderr
  end),
}
