#!/usr/bin/env bash
# CPU benchmark: the same workloads, warm, inside hype and inside lua5.4, in one run.
# The warm cost of a round is (wall time with ROUNDS rounds - wall time with 0 rounds) / ROUNDS,
# so start-up and warm-up cancel out and background JVM threads do not count as Lua time.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DIR="$ROOT/bench/cpu"
ROUNDS="${1:-10}"
"$ROOT/scripts/install-test-tools.sh"
"$ROOT/hype" -e '' >/dev/null

wall_ms() { # median of 3 whole-process wall times of "$@", in ms
  local times=() start end
  for _ in 1 2 3; do
    start=$(date +%s%N); "$@" >/dev/null; end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n 2p
}

printf '%-10s %12s %12s %8s\n' workload "hype ms" "lua5.4 ms" ratio
for w in fib strings sort; do
  h=$(( ($(wall_ms "$ROOT/hype" "$DIR/harness.lua" "$DIR/$w.lua" "$ROUNDS") \
        - $(wall_ms "$ROOT/hype" "$DIR/harness.lua" "$DIR/$w.lua" 0)) ))
  l=$(( ($(wall_ms lua5.4 "$DIR/harness.lua" "$DIR/$w.lua" "$ROUNDS") \
        - $(wall_ms lua5.4 "$DIR/harness.lua" "$DIR/$w.lua" 0)) ))
  awk -v w="$w" -v h="$h" -v l="$l" -v r="$ROUNDS" \
    'BEGIN { printf "%-10s %12.1f %12.1f %8.2f\n", w, h / r, l / r, h / l }'
done
