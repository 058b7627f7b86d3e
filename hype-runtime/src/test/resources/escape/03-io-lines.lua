-- io.lines iterates over files outside the grants, with and without read formats.
-- expect: denied read io.lines {secret}
-- expect: denied read io.lines {outside_secret}
-- expect: denied read io.lines {shared}/../secret.txt
-- expect: ok: "shared-ok"
local try = require("./try")
local function first(...)
  for line in io.lines(...) do return line end
end
return {
  try(first, "{secret}"),
  try(first, "{outside_secret}", "L"),
  try(first, "{shared}/../secret.txt", "a"),
  try(first, "{shared}/ok.txt"),
}
