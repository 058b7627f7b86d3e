-- A link to a directory outside (linked-dir -> outside/) inside the writable directory: the files
-- under it are outside, whatever the path says.
-- expect: denied read io.open {data}/linked-dir/secret.txt
-- expect: denied write io.open {data}/linked-dir/pwned.txt
-- expect: denied write fs.mkdirSync {data}/linked-dir/newdir
-- expect: denied write fs.mkdirSync {data}/linked-dir/a/b
-- expect: denied read fs.readdirSync {data}/linked-dir
-- expect: denied write fs.rmSync {data}/linked-dir
-- absent: {outside}/pwned.txt
-- absent: {outside}/newdir
-- absent: {outside}/a
-- exists: {outside}/secret.txt
local try = require("./try")
local fs = require("fs")
return {
  try(function() return io.open("{data}/linked-dir/secret.txt"):read("a") end),
  try(io.open, "{data}/linked-dir/pwned.txt", "w"),
  try(fs.mkdirSync, "{data}/linked-dir/newdir"),
  try(fs.mkdirSync, "{data}/linked-dir/a/b", { recursive = true }),
  try(fs.readdirSync, "{data}/linked-dir"),
  try(fs.rmSync, "{data}/linked-dir", { recursive = true, force = true }),
}
