#!/usr/bin/env bash
# Start-up benchmark: whole-process wall time of hello world in hype, lua5.4 and node, in one run.
# Usage: bench/startup/run.sh [RUNS]   (default 20; prints medians in milliseconds)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RUNS="${1:-20}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
export HYPE_HOME="$WORK/hype-home"  # nothing in ~/.hype or the checkout
"$ROOT/scripts/install-test-tools.sh"
"$ROOT/hype" "$ROOT/examples/hello.lua" >/dev/null   # build and train the AOT cache first

median_ms() { # runs "$@" RUNS times, prints the median wall time in ms
  local times=() start end
  for ((i = 0; i < RUNS; i++)); do
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf "%.1f\n", m / 1000}'
}

hype_ms=$(median_ms "$ROOT/hype" "$ROOT/examples/hello.lua")
lua_ms=$(median_ms lua5.4 "$ROOT/examples/hello.lua")
node_ms=$(median_ms node "$ROOT/bench/startup/hello.js")
noaot_ms=$(median_ms env HYPE_NO_AOT=1 "$ROOT/hype" "$ROOT/examples/hello.lua")
echo "runs=$RUNS"
echo "hype (AOT cache)    ${hype_ms} ms"
echo "hype (no AOT cache) ${noaot_ms} ms"
echo "lua5.4              ${lua_ms} ms"
echo "node                ${node_ms} ms"
awk -v h="$hype_ms" -v n="$node_ms" -v l="$lua_ms" 'BEGIN { printf "hype/node = %.2f, hype/lua5.4 = %.1f\n", h / n, h / l }'
