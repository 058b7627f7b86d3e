#!/usr/bin/env bash
# Start-up benchmark: whole-process wall time, in one hyperfine run, of
#   hype FILE.lua against node FILE.js and lua5.4 FILE.lua (hello world), and
#   hype --version, pkg list, pkg check and pkg info (its packument cached, from a local registry)
#   against node's bare start (node -e 0).
# Prints each median and the ratios the goals of issue 17 are stated in. Everything it writes goes
# into a temporary directory. Usage: bench/startup/run.sh [RUNS]   (default 20)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RUNS="${1:-20}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/hype-bench-startup.XXXXXX")"
SERVER=""
cleanup() { [[ -n "$SERVER" ]] && kill "$SERVER" 2>/dev/null; wait 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT
export HYPE_HOME="$WORK/hype-home" HOME="$WORK/home"  # nothing in ~/.hype or the checkout
mkdir -p "$HOME"
command -v hyperfine >/dev/null || { echo "bench/startup: hyperfine is not installed (scripts/install-test-tools.sh)" >&2; exit 1; }
HYPE="$ROOT/hype"
"$HYPE" "$ROOT/examples/hello.lua" >/dev/null   # build and train the caches first, if needed

# A project with one dependency from a local registry, so pkg list, check and info have work to do.
"$HYPE" registry serve --port 0 --storage "$WORK/registry" --quiet 2>"$WORK/serve.log" &
SERVER=$!
URL=""
for _ in $(seq 1 240); do
  URL="$(sed -n 's/.*listening on \(http:[^ ]*\).*/\1/p' "$WORK/serve.log")"
  [[ -n "$URL" ]] && break
  kill -0 "$SERVER" 2>/dev/null || break
  sleep 0.25
done
[[ -n "$URL" ]] || { echo "bench/startup: the registry did not start: $(cat "$WORK/serve.log")" >&2; exit 1; }
URL="${URL%/}"
TOKEN="$("$HYPE" registry token create bench --storage "$WORK/registry")"
mkdir -p "$WORK/dep" "$WORK/app"
printf '{"name": "bench-dep", "version": "1.0.0", "license": "MIT", "main": "index.lua"}\n' >"$WORK/dep/hype.json"
printf 'return {}\n' >"$WORK/dep/index.lua"
"$HYPE" pkg publish -C "$WORK/dep" --registry "$URL" --token "$TOKEN" --force >/dev/null 2>&1
printf '{"name": "app", "version": "1.0.0", "dependencies": {"bench-dep": "^1.0.0"}}\n' >"$WORK/app/hype.json"
"$HYPE" pkg install -C "$WORK/app" --registry "$URL" >/dev/null 2>&1
"$HYPE" pkg info bench-dep --registry "$URL" >/dev/null   # fills the packument cache
for args in "pkg list -C $WORK/app" "pkg check -C $WORK/app" "pkg info bench-dep --registry $URL"; do
  "$HYPE" $args >/dev/null || { echo "bench/startup: 'hype $args' failed" >&2; exit 1; }
done

cd "$WORK"
hyperfine -N --style none --warmup 3 --runs "$RUNS" --export-json "$WORK/times.json" \
  -n "hype hello.lua" "$HYPE $ROOT/examples/hello.lua" \
  -n "node hello.js" "node $ROOT/bench/startup/hello.js" \
  -n "lua5.4 hello.lua" "lua5.4 $ROOT/examples/hello.lua" \
  -n "node -e 0" "node -e 0" \
  -n "hype --version" "$HYPE --version" \
  -n "hype pkg list" "$HYPE pkg list -C $WORK/app" \
  -n "hype pkg check" "$HYPE pkg check -C $WORK/app" \
  -n "hype pkg info" "$HYPE pkg info bench-dep --registry $URL" >/dev/null

echo "date:    $(date -u +%Y-%m-%dT%H:%MZ)"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "tools:   $(node --version) (node), $(lua5.4 -v 2>&1 | cut -d' ' -f1-2), $(hyperfine --version)"
python3 - "$WORK/times.json" <<'PY'
import json, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
med = {name: r["median"] * 1000 for name, r in results.items()}
print(f"{'command':<18} {'median ms':>10} {'mean ± σ ms':>16}   ratio")
goals = {"hype hello.lua": ("node hello.js", 1.0)}
for name in ["hype --version", "hype pkg list", "hype pkg check", "hype pkg info"]:
    goals[name] = ("node -e 0", 1.5)
for name, r in results.items():
    ratio = ""
    if name in goals:
        peer, goal = goals[name]
        value = med[name] / med[peer]
        ratio = f"{value:.2f}× {peer} (goal ≤ {goal}×: {'met' if value <= goal else 'not met'})"
    print(f"{name:<18} {med[name]:>10.1f} {r['mean'] * 1000:>9.1f} ± {r['stddev'] * 1000:<5.1f}  {ratio}")
print(f"hype hello.lua / lua5.4 = {med['hype hello.lua'] / med['lua5.4 hello.lua']:.1f}×")
PY
