#!/usr/bin/env bash
# Load-test the registry server with wrk: packuments (full, abbreviated, 304), one version,
# tarballs and search. Results go to bench/out/registry-<UTC date>.txt.
#
#   bench/registry/run.sh [DURATION_SECONDS=20] [CONNECTIONS=64] [THREADS=2]
#
# Installs wrk with apt-get when it is missing. Builds hype-registry (tests skipped) when needed.
#
# Unless BENCH_VERDACCIO=0, it also starts Verdaccio (build-tools/node_modules, pinned in
# build-tools/package.json; run `npm install` there first) on a free loopback port with a generated
# config (storage in a temp dir, no uplinks), copies the same packages into it through its HTTP API
# (bench/registry/seed-verdaccio.mjs reads them back from hype) and runs the packument, 304 and
# tarball scenarios against both servers, ending with a comparison table.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DURATION="${1:-20}"
CONNECTIONS="${2:-64}"
THREADS="${3:-2}"
PACKAGES="${BENCH_PACKAGES:-200}"
VERSIONS="${BENCH_VERSIONS:-5}"
PORT="${BENCH_PORT:-48730}"
WITH_VERDACCIO="${BENCH_VERDACCIO:-1}"
VERDACCIO_BIN="$ROOT/build-tools/node_modules/.bin/verdaccio"
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
if [[ "$WITH_VERDACCIO" == 1 && ! -x "$VERDACCIO_BIN" ]]; then
  echo "Verdaccio is missing: run 'npm install --no-audit --no-fund' in build-tools, or set BENCH_VERDACCIO=0" >&2
  exit 1
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
VERDACCIO_PID=""
VERDACCIO_DIR=""
cleanup() {
  kill "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
  if [[ -n "$VERDACCIO_PID" ]]; then
    kill "$VERDACCIO_PID" 2>/dev/null || true
    wait "$VERDACCIO_PID" 2>/dev/null || true
  fi
  rm -rf "$STORAGE"
  [[ -n "$VERDACCIO_DIR" ]] && rm -rf "$VERDACCIO_DIR"
  return 0
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

if [[ "$WITH_VERDACCIO" == 1 ]]; then
  VERDACCIO_DIR="$(mktemp -d -t hype-registry-bench-verdaccio.XXXXXX)"
  # a free loopback port: bind port 0, read it back, release it
  VPORT="$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
  VURL="http://127.0.0.1:$VPORT"
  cat > "$VERDACCIO_DIR/config.yaml" <<YAML
storage: $VERDACCIO_DIR/storage
auth:
  htpasswd:
    file: $VERDACCIO_DIR/htpasswd
    max_users: 10
uplinks: {}
packages:
  '**':
    access: \$all
    publish: \$authenticated
    unpublish: \$authenticated
web:
  enable: false
max_body_size: 50mb
log: { type: stdout, format: pretty, level: error }
YAML
  "$VERDACCIO_BIN" --config "$VERDACCIO_DIR/config.yaml" --listen "127.0.0.1:$VPORT" \
    > "$OUT/registry-bench.verdaccio.log" 2>&1 &
  VERDACCIO_PID=$!
  # readiness: poll /-/ping, at most 60 s
  for _ in $(seq 1 120); do
    curl -sf -m 2 "$VURL/-/ping" >/dev/null 2>&1 && break
    kill -0 "$VERDACCIO_PID" 2>/dev/null || { cat "$OUT/registry-bench.verdaccio.log" >&2; exit 1; }
    sleep 0.5
  done
  curl -sf -m 2 "$VURL/-/ping" >/dev/null || { echo "Verdaccio did not become ready" >&2; exit 1; }
  node "$ROOT/bench/registry/seed-verdaccio.mjs" "$URL" "$VURL" "$PACKAGES"
  # the same tarball bytes on both servers
  cmp <(curl -sf "$URL/$PKG/-/$PKG-1.2.0.tgz") <(curl -sf "$VURL/$PKG/-/$PKG-1.2.0.tgz") \
    || { echo "the tarballs on hype and Verdaccio differ" >&2; exit 1; }
fi

etag_of() { curl -sI "$1" | tr -d '\r' | sed -n 's/^[Ee][Tt]ag: //p'; }
ETAG="$(etag_of "$URL/$PKG")"
RESULT="$OUT/registry-$(date -u +%Y-%m-%dT%H%M%SZ).txt"
{
  echo "# hype registry wrk benchmark"
  echo "date:        $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "machine:     $(uname -srm); $(nproc) cpus; $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
  echo "java:        $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
  echo "wrk:         $(wrk -v 2>&1 | head -1)"
  if [[ "$WITH_VERDACCIO" == 1 ]]; then
    echo "node:        $(node --version)"
    echo "verdaccio:   $("$VERDACCIO_BIN" --version 2>&1 | tail -1)"
  fi
  echo "load:        ${THREADS} threads, ${CONNECTIONS} connections, ${DURATION}s per scenario"
  echo "data:        ${PACKAGES} packages x ${VERSIONS} versions"
  echo "loadavg:     $(cut -d' ' -f1-3 /proc/loadavg) (before the scenarios)"
  echo
} > "$RESULT"

SUMMARY=()
scenario() { # $1 = title, rest = wrk arguments
  local title="$1"; shift
  local out
  echo "== $title" | tee -a "$RESULT"
  # what one request returns (status, body size), so a fast error cannot pass for a fast answer
  curl -s -m 10 -o /dev/null -w 'one request: HTTP %{http_code}, %{size_download} bytes\n' "$@" | tee -a "$RESULT"
  out="$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "$@")"
  echo "$out" | tee -a "$RESULT"
  echo | tee -a "$RESULT"
  local rps p99 non2xx
  rps="$(echo "$out" | sed -n 's/^Requests\/sec: *//p')"
  p99="$(echo "$out" | awk '$1 == "99%" {print $2}')"
  non2xx="$(echo "$out" | sed -n 's/^ *Non-2xx or 3xx responses: *//p')"
  SUMMARY+=("$title|$rps|$p99|${non2xx:-0}")
}

scenario "hype: full packument"        "$URL/$PKG"
scenario "hype: abbreviated packument" -H "Accept: application/vnd.npm.install-v1+json" "$URL/$PKG"
scenario "hype: 304 revalidation"      -H "If-None-Match: $ETAG" "$URL/$PKG"
scenario "hype: tarball"               "$URL/$PKG/-/$PKG-1.2.0.tgz"
if [[ "$WITH_VERDACCIO" == 1 ]]; then
  VETAG="$(etag_of "$VURL/$PKG")"
  scenario "verdaccio: full packument"        "$VURL/$PKG"
  scenario "verdaccio: abbreviated packument" -H "Accept: application/vnd.npm.install-v1+json" "$VURL/$PKG"
  if [[ -n "$VETAG" ]]; then
    scenario "verdaccio: 304 revalidation"    -H "If-None-Match: $VETAG" "$VURL/$PKG"
  else
    echo "== verdaccio: 304 revalidation skipped: no ETag on $VURL/$PKG" | tee -a "$RESULT"
  fi
  scenario "verdaccio: tarball"               "$VURL/$PKG/-/$PKG-1.2.0.tgz"
fi
scenario "hype: one version"           "$URL/$PKG/1.2.0"
scenario "hype: search"                "$URL/-/v1/search?text=bench-pkg-01&size=20"
scenario "hype: whoami (token check)"  -H "Authorization: Bearer $TOKEN" "$URL/-/whoami"

{
  echo "== summary (requests/s, p99 latency, non-2xx/3xx responses)"
  for row in "${SUMMARY[@]}"; do
    IFS='|' read -r title rps p99 bad <<<"$row"
    printf '%-36s %12s req/s  p99 %10s  non-2xx/3xx %s\n' "$title" "$rps" "$p99" "$bad"
  done
} | tee -a "$RESULT"

echo "results: $RESULT"
