-- ".." out of granted directories: up from shared/ to the secret, up from the writable
-- directory, and ".." after a link (the OS applies it to the link's target, so
-- {data}/linked-dir/../outside/secret.txt is the outside secret, not a file in {data}).
-- expect: denied read io.open {shared}/../secret.txt
-- expect: denied write io.open {data}/../pwned.txt
-- expect: denied read io.open {data}/linked-dir/../outside/secret.txt
-- expect: denied read fs.readFileSync {shared}/../secret.txt
-- expect: ok: "shared-ok"
-- absent: {tmp}/pwned.txt
local try = require("./try")
return {
  try(function() return io.open("{shared}/../secret.txt"):read("a") end),
  try(io.open, "{data}/../pwned.txt", "w"),
  try(function() return io.open("{data}/linked-dir/../outside/secret.txt"):read("a") end),
  try(require("fs").readFileSync, "{shared}/../secret.txt", "utf8"),
  try(function() return io.open("{shared}/./../shared/ok.txt"):read("a") end),
}
