#!/usr/bin/env bash
# Load-test the registry server with wrk: packuments (full, abbreviated, 304), one version,
# tarballs and search. Results go to bench/out/registry-<UTC date>.txt.
#
#   bench/registry/run.sh [DURATION_SECONDS=20] [CONNECTIONS=64] [THREADS=2]
#
# Installs wrk with apt-get when it is missing. Builds hype-registry (tests skipped) when needed.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DURATION="${1:-20}"
CONNECTIONS="${2:-64}"
THREADS="${3:-2}"
PACKAGES="${BENCH_PACKAGES:-200}"
VERSIONS="${BENCH_VERSIONS:-5}"
PORT="${BENCH_PORT:-48730}"
OUT="$ROOT/bench/out"
mkdir -p "$OUT"

# shellcheck source=../../scripts/find-java.sh
source "$ROOT/scripts/find-java.sh"
hype_find_java
export JAVA_HOME="$HYPE_JAVA_HOME"

if ! command -v wrk >/dev/null 2>&1; then
  echo "wrk is missing; installing it with apt-get" >&2
  SUDO=""
  [[ "$(id -u)" -ne 0 ]] && SUDO="sudo"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq wrk
fi

cd "$ROOT"
CLASSPATH_FILE="$OUT/registry-bench.classpath"
# one reactor build (no 'install', so ~/.m2 is left alone); the last module written is hype-registry
BUILD=(-q -B -pl hype-registry -am -DskipTests package dependency:build-classpath
       -Dmdep.outputFile="$CLASSPATH_FILE" -Dmdep.includeScope=test)
./mvnw -o "${BUILD[@]}" 2>/dev/null || ./mvnw "${BUILD[@]}"
CP="hype-registry/target/classes:hype-registry/target/test-classes:$(<"$CLASSPATH_FILE")"

STORAGE="$(mktemp -d -t hype-registry-bench.XXXXXX)"
READY="$OUT/registry-bench.ready"
: > "$READY"
"$JAVA_HOME/bin/java" -Xmx1g -cp "$CP" bench/registry/RegistryBench.java \
  "$STORAGE" "$PORT" "$PACKAGES" "$VERSIONS" > "$READY" 2>"$OUT/registry-bench.server.log" &
SERVER_PID=$!
cleanup() {
  kill "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
  rm -rf "$STORAGE"
}
trap cleanup EXIT

# wait for the READY line (seeding takes a while); give up after 5 minutes
for _ in $(seq 1 600); do
  grep -q '^READY ' "$READY" && break
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$OUT/registry-bench.server.log" >&2; exit 1; }
  sleep 0.5
done
read -r _ URL TOKEN < <(grep '^READY ' "$READY")
[[ -n "${URL:-}" ]] || { echo "the registry did not become ready" >&2; exit 1; }

PKG="bench-pkg-0042"
ETAG="$(curl -sI "$URL/$PKG" | tr -d '\r' | sed -n 's/^[Ee][Tt]ag: //p')"
RESULT="$OUT/registry-$(date -u +%Y-%m-%dT%H%M%SZ).txt"
{
  echo "# hype registry wrk benchmark"
  echo "date:        $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "machine:     $(uname -srm); $(nproc) cpus; $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
  echo "java:        $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
  echo "wrk:         $(wrk -v 2>&1 | head -1)"
  echo "load:        ${THREADS} threads, ${CONNECTIONS} connections, ${DURATION}s per scenario"
  echo "data:        ${PACKAGES} packages x ${VERSIONS} versions"
  echo
} > "$RESULT"

scenario() { # $1 = title, rest = wrk arguments
  local title="$1"; shift
  echo "== $title" | tee -a "$RESULT"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "$@" | tee -a "$RESULT"
  echo | tee -a "$RESULT"
}

scenario "full packument"        "$URL/$PKG"
scenario "abbreviated packument" -H "Accept: application/vnd.npm.install-v1+json" "$URL/$PKG"
scenario "304 revalidation"      -H "If-None-Match: $ETAG" "$URL/$PKG"
scenario "one version"           "$URL/$PKG/1.2.0"
scenario "tarball"               "$URL/$PKG/-/$PKG-1.2.0.tgz"
scenario "search"                "$URL/-/v1/search?text=bench-pkg-01&size=20"
scenario "whoami (token check)"  -H "Authorization: Bearer $TOKEN" "$URL/-/whoami"

echo "results: $RESULT"
