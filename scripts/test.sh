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
JAVA_HOME="$HYPE_JAVA_HOME" exec ./mvnw -B --no-transfer-progress verify "$@"
