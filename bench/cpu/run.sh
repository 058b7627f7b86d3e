#!/usr/bin/env bash
# CPU benchmark: the same workloads, warm, inside hype and inside lua5.4, in one run.
# Usage: bench/cpu/run.sh [ROUNDS=7]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DIR="$ROOT/bench/cpu"
ROUNDS="${1:-7}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
export HYPE_HOME="$WORK/hype-home"  # nothing in ~/.hype or the checkout
"$ROOT/scripts/install-test-tools.sh"
"$ROOT/hype" -e '' >/dev/null
printf '%-9s %14s %14s %14s %14s %8s\n' workload "hype best" "lua5.4 best" "hype median" "lua5.4 median" ratio
for w in fib strings sort; do
  h=($("$ROOT/hype" "$DIR/harness.lua" "$DIR/$w.lua" "$ROUNDS"))
  l=($(lua5.4 "$DIR/harness.lua" "$DIR/$w.lua" "$ROUNDS"))
  awk -v w="$w" -v hb="${h[0]}" -v lb="${l[0]}" -v hm="${h[1]}" -v lm="${l[1]}" \
    'BEGIN { printf "%-9s %11.1f ms %11.1f ms %11.1f ms %11.1f ms %8.2f\n", w, hb, lb, hm, lm, hb / lb }'
done
