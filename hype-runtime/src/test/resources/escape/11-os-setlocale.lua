-- os.setlocale changes how the whole program formats numbers; reading it is harmless.
-- expect: denied run os.setlocale setlocale de_DE.UTF-8
-- expect: denied run os.setlocale setlocale*
-- expect: ok: "C"
local try = require("./try")
return {
  try(os.setlocale, "de_DE.UTF-8"),
  try(os.setlocale, "", "numeric"),
  try(os.setlocale),
}
