#!/usr/bin/env bash
# Print the line and branch coverage of the aggregate JaCoCo report that `mvnw verify` writes
# (hype-e2e/target/site/jacoco-aggregate: every module's tests plus the ./hype runs of hype-e2e),
# and fail when line coverage of the main code is below the threshold (docs/testing.md, "Coverage").
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MIN_LINE_PERCENT="${HYPE_MIN_LINE_COVERAGE:-88}"
CSV="$ROOT/hype-e2e/target/site/jacoco-aggregate/jacoco.csv"
if [[ ! -f "$CSV" ]]; then
  echo "coverage: no report at $CSV (run the whole suite: scripts/test.sh)" >&2
  exit 1
fi
# Columns: GROUP,PACKAGE,CLASS,INSTRUCTION_MISSED,INSTRUCTION_COVERED,BRANCH_MISSED,BRANCH_COVERED,
# LINE_MISSED,LINE_COVERED,...
awk -F, -v min="$MIN_LINE_PERCENT" '
  NR == 1 { next }
  { bm += $6; bc += $7; lm += $8; lc += $9 }
  END {
    if (lm + lc == 0) { print "coverage: the report covers no lines" > "/dev/stderr"; exit 1 }
    line = 100 * lc / (lm + lc); branch = (bm + bc) ? 100 * bc / (bm + bc) : 100
    printf "coverage (Java, JaCoCo): lines %.1f%% (%d of %d), branches %.1f%% (%d of %d)\n", line, lc, lm + lc, branch, bc, bm + bc
    if (line < min) { printf "coverage: line coverage %.1f%% is below the required %d%%\n", line, min > "/dev/stderr"; exit 1 }
  }' "$CSV"
