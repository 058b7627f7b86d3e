-- A zero byte in a path: the C library stops at it, so the file it opens would be the part
-- before it, whatever a check of the whole string decided. Every function refuses it (require
-- with an internal error from the resolver, today).
-- expect: error: *path must not contain zero bytes*
-- expect: error: *path must not contain zero bytes*
-- expect: error: *path must not contain zero bytes*
-- expect: error: *path must not contain zero bytes*
-- expect: error: *
local try = require("./try")
return {
  try(io.open, "{secret}\0{data}/x"),
  try(os.remove, "{secret}\0"),
  try(loadfile, "{config}\0"),
  try(require("fs").readFileSync, "{secret}\0"),
  try(require, "./data/own\0/../../../config"),
}
