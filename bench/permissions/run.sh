#!/usr/bin/env bash
# What permission checks cost: fs.readFileSync and io.open from a restricted package (granted
# $CWD/**) against the same calls from the project's own, unrestricted code, in one process.
#   bench/permissions/run.sh [calls-per-round] [rounds]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CALLS="${1:-20000}"
ROUNDS="${2:-7}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
export HYPE_HOME="$WORK/hype-home"  # nothing in ~/.hype or the checkout
mkdir -p "$WORK/hype_modules/checked/" "$WORK/data"
head -c 4096 /dev/urandom > "$WORK/data/file.bin"
cat > "$WORK/hype-lock.json" <<'JSON'
{ "lockfileVersion": 1, "packages": { "checked": { "version": "1.0.0",
  "permissions": { "filesystem": { "read": ["$CWD/data/**"] } } } } }
JSON
cp "$ROOT/bench/permissions/calls.lua" "$WORK/hype_modules/checked/init.lua"
cp "$ROOT/bench/permissions/calls.lua" "$WORK/calls.lua"
cp "$ROOT/bench/permissions/main.lua" "$WORK/main.lua"
cp "$ROOT/bench/permissions/node.js" "$WORK/node.js"
cd "$WORK"
"$ROOT/hype" main.lua "$CALLS" "$ROUNDS"
if command -v node >/dev/null; then
  echo
  echo "node $(node --version), the same calls (us): fs.readFileSync, openSync+closeSync"
  printf '%-34s %s\n' "node" "$(node node.js "$CALLS" "$ROUNDS")"
  flag=--permission
  node --permission -e 0 2>/dev/null || flag=--experimental-permission
  printf '%-34s %s\n' "node $flag --allow-fs-read" \
    "$(node "$flag" --allow-fs-read="$WORK/" node.js "$CALLS" "$ROUNDS" 2>/dev/null)"
fi
