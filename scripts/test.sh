#!/usr/bin/env bash
# Run every test: installs the tools the tests compare against, then builds and tests all modules.
# Extra arguments go to Maven, e.g. scripts/test.sh -pl hype-pm -am
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=find-java.sh
source "$ROOT/scripts/find-java.sh"
hype_find_java
"$ROOT/scripts/install-test-tools.sh"
cd "$ROOT"
# Line counts of Hype's own Lua from this run only (scripts/coverage.sh merges them).
rm -rf "$ROOT/target/lua-coverage"
JAVA_HOME="$HYPE_JAVA_HOME" ./mvnw -B --no-transfer-progress verify "$@"
# The whole suite ran: print the coverage figures and fail below the threshold (docs/testing.md,
# "Coverage of Hype itself"). A partial run (-pl ...) has no aggregate report to check.
if [[ $# -eq 0 ]]; then
  HYPE_MIN_LINE_COVERAGE="${HYPE_MIN_LINE_COVERAGE:-90}" "$ROOT/scripts/coverage.sh"
fi
