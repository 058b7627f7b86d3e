-- process.permissions.has answers for granted and ungranted resources, following links and ".."
-- as the checks do; relative paths start at the working directory (the project).
-- expect: ok: true, true, false, false, false, false
-- expect: ok: true, false, false, false, false
-- expect: ok: true, false, false, false
-- expect: ok: false, false
-- expect: ok: false, true
-- expect: error: *unknown permission kind 'load'*
local try = require("./try")
local has = require("process").permissions.has
return {
  try(function()
    return has("read", "{shared}/ok.txt"), has("read", "{evil}/data/own.txt"), has("read", "{secret}"),
      has("read", "{shared}/../secret.txt"), has("read", "{data}/link-to-secret"), has("read", "{good}/init.lua")
  end),
  try(function()
    return has("write", "{data}/new.txt"), has("write", "{data}/../x"), has("write", "{data}/linked-dir/x"),
      has("write", "{shared}/ok.txt"), has("write", "{evil}/init.lua")
  end),
  try(function() return has("env", "EVIL_TOKEN"), has("env", "HYPE_CORPUS_SECRET"), has("run"), has("native") end),
  try(function() return has("net", "https://example.com"), has("java", "java.lang.Runtime") end),
  try(function() return has("read", "secret.txt"), has("read", "shared/ok.txt") end),
  try(has, "load", "x"),
}
