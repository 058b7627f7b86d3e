#!/usr/bin/env bash
# Lua semantics benchmark (issue 16): global reads and writes from a module, require of a cached
# module, and start-up, each in hype and in lua5.4 in one run, as ratios. With BEFORE=/path/to/hype
# (the launcher of another build), that build runs in the same rounds, interleaved.
# Usage: bench/lua/run.sh [ROUNDS=7] [STARTUP_RUNS=20]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DIR="$ROOT/bench/lua"
ROUNDS="${1:-7}"
RUNS="${2:-20}"
"$ROOT/scripts/install-test-tools.sh"
"$ROOT/hype" -e '' >/dev/null
[[ -n "${BEFORE:-}" ]] && "$BEFORE" -e '' >/dev/null

printf '%-15s %12s %12s %12s %10s %10s\n' workload "hype ms" "before ms" "lua5.4 ms" "hype/lua" "before/lua"
for w in globals require_cached; do
  h=($("$ROOT/hype" "$ROOT/bench/cpu/harness.lua" --require "$DIR" "$w" "$ROUNDS"))
  l=($(lua5.4 "$ROOT/bench/cpu/harness.lua" --require "$DIR" "$w" "$ROUNDS"))
  b=("-" "-")
  [[ -n "${BEFORE:-}" ]] && b=($("$BEFORE" "$ROOT/bench/cpu/harness.lua" --require "$DIR" "$w" "$ROUNDS"))
  awk -v w="$w" -v h="${h[0]}" -v b="${b[0]}" -v l="${l[0]}" \
    'BEGIN { printf "%-15s %12.1f %12s %12.1f %10.2f %10s\n", w, h, b, l, h / l, (b == "-" ? "-" : sprintf("%.2f", b / l)) }'
done

# Start-up: hello world, the commands interleaved run by run so that load changes hit them alike.
elapsed_us() { local start end; start=$(date +%s%N); "$@" >/dev/null 2>&1; end=$(date +%s%N); echo $(( (end - start) / 1000 )); }
median() { sort -n | awk '{a[NR]=$1} END {m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf "%.1f\n", m / 1000}'; }
hs=() bs=() ls=()
for ((i = 0; i < RUNS; i++)); do
  hs+=("$(elapsed_us "$ROOT/hype" "$ROOT/examples/hello.lua")")
  [[ -n "${BEFORE:-}" ]] && bs+=("$(elapsed_us "$BEFORE" "$ROOT/examples/hello.lua")")
  ls+=("$(elapsed_us lua5.4 "$ROOT/examples/hello.lua")")
done
h=$(printf '%s\n' "${hs[@]}" | median)
b="-"
[[ -n "${BEFORE:-}" ]] && b=$(printf '%s\n' "${bs[@]}" | median)
l=$(printf '%s\n' "${ls[@]}" | median)
awk -v h="$h" -v b="$b" -v l="$l" \
  'BEGIN { printf "%-15s %12.1f %12s %12.1f %10.1f %10s\n", "start-up", h, b, l, h / l, (b == "-" ? "-" : sprintf("%.1f", b / l)) }'
