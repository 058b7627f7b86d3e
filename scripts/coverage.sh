#!/usr/bin/env bash
# Print the line and branch coverage of the aggregate JaCoCo report that `mvnw verify` writes
# (hype-e2e/target/site/jacoco-aggregate: every module's tests plus the ./hype runs of hype-e2e),
# and fail when line coverage of the main code is below the threshold (docs/testing.md, "Coverage").
# Then print the line coverage of Hype's own Lua, merged from the counts the suite's runtimes wrote
# to target/lua-coverage/hits, and write it as LCOV to target/lua-coverage/lcov.info (reported,
# not checked against a threshold; docs/testing.md, "Lua coverage of the runtime's own Lua").
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MIN_LINE_PERCENT="${HYPE_MIN_LINE_COVERAGE:-90}"
CSV="$ROOT/hype-e2e/target/site/jacoco-aggregate/jacoco.csv"
if [[ ! -f "$CSV" ]]; then
  echo "coverage: no report at $CSV (run the whole suite: scripts/test.sh)" >&2
  exit 1
fi
# Columns: GROUP,PACKAGE,CLASS,INSTRUCTION_MISSED,INSTRUCTION_COVERED,BRANCH_MISSED,BRANCH_COVERED,
# LINE_MISSED,LINE_COVERED,...
java_status=0
awk -F, -v min="$MIN_LINE_PERCENT" '
  NR == 1 { next }
  { bm += $6; bc += $7; lm += $8; lc += $9 }
  END {
    if (lm + lc == 0) { print "coverage: the report covers no lines" > "/dev/stderr"; exit 1 }
    line = 100 * lc / (lm + lc); branch = (bm + bc) ? 100 * bc / (bm + bc) : 100
    printf "coverage (Java, JaCoCo): lines %.1f%% (%d of %d), branches %.1f%% (%d of %d)\n", line, lc, lm + lc, branch, bc, bm + bc
    if (line < min) { printf "coverage: line coverage %.1f%% is below the required %d%%\n", line, min > "/dev/stderr"; exit 1 }
  }' "$CSV" || java_status=$?

# Hype's own Lua: the distribution's class path has the runtime and its native Lua library.
DIST="$ROOT/hype-cli/target/dist"
if [[ -d "$DIST/lib" ]]; then
  # shellcheck source=find-java.sh
  source "$ROOT/scripts/find-java.sh"
  hype_find_java
  "$HYPE_JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Dhype.natives="$DIST/natives" -cp "$DIST/lib/*" \
    dev.hype.runtime.testing.RuntimeLuaCoverage "$ROOT/target/lua-coverage/hits" "$ROOT/target/lua-coverage/lcov.info" \
    "$ROOT/hype-runtime/src/main/resources" "$ROOT/hype-pm/src/main/resources" \
    || echo "coverage (Lua): not measured (see the message above)" >&2
else
  echo "coverage (Lua): not measured: no distribution in $DIST" >&2
fi
exit "$java_status"
