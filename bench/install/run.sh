#!/usr/bin/env bash
# Install benchmark: a project with N dependencies (default 200), published to a local
# `hype registry serve`, installed by hype, npm, pnpm and bun from that registry, each:
#   cold  - empty store/cache, no install tree, no lockfile
#   warm  - store/cache filled and lockfile present, no install tree
#   noop  - everything already in place
# Each figure is the median of RUNS runs (default 3). pnpm and bun are installed with npm into
# bench/out/install/tools. Usage: bench/install/run.sh [N] [RUNS]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
N="${1:-200}"
RUNS="${2:-3}"
WORK="$ROOT/bench/out/install"
rm -rf "$WORK" && mkdir -p "$WORK"
HYPE="$ROOT/hype"
export HYPE_HOME="$WORK/hype-home"  # hype's packument cache and config stay in the run's folder
"$HYPE" -e '' >/dev/null

echo "installing pnpm and bun into $WORK/tools" >&2
npm install --prefix "$WORK/tools" --no-audit --no-fund --loglevel=error pnpm@9 bun >/dev/null
PNPM="$WORK/tools/node_modules/.bin/pnpm"
BUN="$WORK/tools/node_modules/.bin/bun"

STORAGE="$WORK/registry"
TOKEN="$("$HYPE" registry token create bench --storage "$STORAGE")"
"$HYPE" registry serve --port 0 --storage "$STORAGE" --quiet 2>"$WORK/serve.log" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
URL=""
for _ in $(seq 1 120); do
  URL="$(sed -n 's/.*listening on \(http:[^ ]*\).*/\1/p' "$WORK/serve.log")"
  [[ -n "$URL" ]] && break
  sleep 0.5
done
[[ -n "$URL" ]] || { echo "the registry did not start: $(cat "$WORK/serve.log")" >&2; exit 1; }
URL="${URL%/}"
echo "registry at $URL; publishing $N packages" >&2

publish() { # $1 = index
  local dir="$WORK/pkgs/bench-dep-$1"
  mkdir -p "$dir"
  printf '{"name": "bench-dep-%s", "version": "1.0.0", "license": "MIT", "main": "index.lua"}\n' "$1" >"$dir/hype.json"
  printf '{"name": "bench-dep-%s", "version": "1.0.0", "license": "MIT", "main": "index.js"}\n' "$1" >"$dir/package.json"
  printf 'return { id = %s }\n' "$1" >"$dir/index.lua"
  printf 'module.exports = { id: %s };\n' "$1" >"$dir/index.js"
  "$HYPE" pkg publish -C "$dir" --registry "$URL" --token "$TOKEN" --force >/dev/null 2>&1
}
export -f publish; export WORK HYPE URL TOKEN
seq 1 "$N" | xargs -P 2 -I{} bash -c 'publish {}'

deps="$(seq 1 "$N" | awk '{printf "%s\"bench-dep-%s\": \"^1.0.0\"", (NR > 1 ? ", " : ""), $1}')"
mkdir -p "$WORK/app-hype" "$WORK/app-npm" "$WORK/app-pnpm" "$WORK/app-bun"
printf '{"name": "app", "version": "1.0.0", "dependencies": {%s}}\n' "$deps" >"$WORK/app-hype/hype.json"
for tool in npm pnpm bun; do
  printf '{"name": "app", "version": "1.0.0", "private": true, "dependencies": {%s}}\n' "$deps" >"$WORK/app-$tool/package.json"
done
printf 'registry=%s/\n' "$URL" | tee "$WORK/app-npm/.npmrc" "$WORK/app-pnpm/.npmrc" >/dev/null
printf '[install]\nregistry = "%s/"\n' "$URL" >"$WORK/app-bun/bunfig.toml"

ms() { # run "$@" and print its wall time in ms
  local start end
  start=$(date +%s%N); "$@" >/dev/null 2>&1; end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2 ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2))}'; }

hype_install() { "$HYPE" pkg install -C "$WORK/app-hype" --registry "$URL" --store-dir "$WORK/hype-store"; }
npm_install() { (cd "$WORK/app-npm" && npm install --cache "$WORK/npm-cache" --no-audit --no-fund --loglevel=error); }
pnpm_install() { (cd "$WORK/app-pnpm" && "$PNPM" install --store-dir "$WORK/pnpm-store" --reporter=silent); }
bun_install() { (cd "$WORK/app-bun" && BUN_INSTALL_CACHE_DIR="$WORK/bun-cache" "$BUN" install --silent); }

clean() { # $1 = tool, $2 = cold|warm
  case "$1" in
    hype) rm -rf "$WORK/app-hype/hype_modules"; [[ "$2" == cold ]] && rm -rf "$WORK/hype-store" "$WORK/app-hype/hype-lock.json" ;;
    npm)  rm -rf "$WORK/app-npm/node_modules"; [[ "$2" == cold ]] && rm -rf "$WORK/npm-cache" "$WORK/app-npm/package-lock.json" ;;
    pnpm) rm -rf "$WORK/app-pnpm/node_modules"; [[ "$2" == cold ]] && rm -rf "$WORK/pnpm-store" "$WORK/app-pnpm/pnpm-lock.yaml" ;;
    bun)  rm -rf "$WORK/app-bun/node_modules"; [[ "$2" == cold ]] && rm -rf "$WORK/bun-cache" "$WORK/app-bun/bun.lock" "$WORK/app-bun/bun.lockb" ;;
  esac
  true
}

echo "date:    $(date -u +%Y-%m-%dT%H:%MZ)"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "tools:   npm $(npm --version), pnpm $("$PNPM" --version), bun $("$BUN" --version), node $(node --version)"
echo "project: $N dependencies; median of $RUNS runs, ms"
printf '%-6s %8s %8s %8s\n' tool cold warm noop
for tool in hype npm pnpm bun; do
  cold=(); warm=(); noop=()
  for _ in $(seq 1 "$RUNS"); do
    clean "$tool" cold; cold+=("$(ms "${tool}_install")")
    clean "$tool" warm; warm+=("$(ms "${tool}_install")")
    noop+=("$(ms "${tool}_install")")
  done
  printf '%-6s %8s %8s %8s\n' "$tool" "$(printf '%s\n' "${cold[@]}" | median)" \
    "$(printf '%s\n' "${warm[@]}" | median)" "$(printf '%s\n' "${noop[@]}" | median)"
done
ls "$WORK/app-hype/hype_modules" | wc -l | xargs echo "hype installed packages:"
ls "$WORK/app-npm/node_modules" | grep -c bench-dep | xargs echo "npm installed packages:"
ls "$WORK/app-pnpm/node_modules" | grep -c bench-dep | xargs echo "pnpm installed packages:"
ls "$WORK/app-bun/node_modules" | grep -c bench-dep | xargs echo "bun installed packages:"
