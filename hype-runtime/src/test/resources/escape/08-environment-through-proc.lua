-- The environment and memory of the process through /proc: the secret variable without
-- os.getenv.
-- expect: denied read io.open /proc/self/environ
-- expect: denied read fs.readFileSync /proc/self/environ
-- expect: denied read io.open /proc/self/cmdline
-- expect: denied read io.open /proc/self/mem
local try = require("./try")
return {
  try(function() return io.open("/proc/self/environ"):read("a") end),
  try(require("fs").readFileSync, "/proc/self/environ"),
  try(function() return io.open("/proc/self/cmdline"):read("a") end),
  try(io.open, "/proc/self/mem", "rb"),
}
