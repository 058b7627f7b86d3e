#!/usr/bin/env bash
# Install benchmark: a project with N dependencies, published to a local `hype registry serve`,
# installed by hype, npm, pnpm and bun from that registry, each:
#   cold  - empty store/cache, no install tree, no lockfile
#   warm  - store/cache filled and lockfile present, no install tree
#   noop  - everything already in place
# Each figure is the median of RUNS runs (default 3), for each N in SIZES (default "200 1000"),
# with the cost per package, so that it shows whether it stays flat as the tree grows.
# pnpm and bun are installed by this script with npm into a cache folder outside the checkout
# (HYPE_BENCH_TOOLS, default ${TMPDIR:-/tmp}/hype-bench-tools); without them it says so and goes on.
# Everything else goes into a temporary directory. Usage: bench/install/run.sh [SIZES] [RUNS]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SIZES="${1:-200 1000}"
RUNS="${2:-3}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/hype-bench-install.XXXXXX")"
SERVER=""
cleanup() { [[ -n "$SERVER" ]] && kill "$SERVER" 2>/dev/null; wait 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT
HYPE="$ROOT/hype"
export HYPE_HOME="$WORK/hype-home"  # hype's packument cache and config stay in the run's folder
"$HYPE" -e '' >/dev/null

TOOLS="${HYPE_BENCH_TOOLS:-${TMPDIR:-/tmp}/hype-bench-tools}"
PNPM="$TOOLS/node_modules/.bin/pnpm"
BUN="$TOOLS/node_modules/.bin/bun"
if [[ ! -x "$PNPM" || ! -x "$BUN" ]]; then
  echo "installing pnpm and bun with npm into $TOOLS" >&2
  npm install --prefix "$TOOLS" --no-audit --no-fund --loglevel=error pnpm@9 bun >"$WORK/tools.log" 2>&1 \
    || echo "bench/install: could not install pnpm and bun: $(tail -n 3 "$WORK/tools.log")" >&2
fi
TOOL_LIST="hype npm"
for tool in pnpm bun; do
  bin="$TOOLS/node_modules/.bin/$tool"
  if [[ -x "$bin" ]] && "$bin" --version >/dev/null 2>&1; then
    TOOL_LIST="$TOOL_LIST $tool"
  else
    echo "bench/install: $tool is not available, so it is left out of this run" >&2
  fi
done

STORAGE="$WORK/registry"
TOKEN="$("$HYPE" registry token create bench --storage "$STORAGE")"
"$HYPE" registry serve --port 0 --storage "$STORAGE" --quiet 2>"$WORK/serve.log" &
SERVER=$!
URL=""
for _ in $(seq 1 240); do
  URL="$(sed -n 's/.*listening on \(http:[^ ]*\).*/\1/p' "$WORK/serve.log")"
  [[ -n "$URL" ]] && break
  kill -0 "$SERVER" 2>/dev/null || break
  sleep 0.25
done
[[ -n "$URL" ]] || { echo "the registry did not start: $(cat "$WORK/serve.log")" >&2; exit 1; }
URL="${URL%/}"
MAX=0
for n in $SIZES; do (( n > MAX )) && MAX=$n; done
echo "registry at $URL; publishing $MAX packages" >&2

python3 "$ROOT/bench/install/publish.py" "$URL" "$TOKEN" "$MAX"

ms() { # run "$@" and print its wall time in ms, or "failed"
  local start end
  start=$(date +%s%N)
  if "$@" >>"$WORK/install.log" 2>&1; then
    end=$(date +%s%N); echo $(( (end - start) / 1000000 ))
  else
    echo failed
  fi
}
median() { # of the numbers on standard input; "failed" if any run failed
  awk '$1 == "failed" {f = 1} {a[NR] = $1} END {if (f) print "failed"; else print a[int((NR + 1) / 2)]}' \
    < <(sort -n)
}

hype_install() { "$HYPE" pkg install -C "$APP/hype" --registry "$URL" --store-dir "$APP/hype-store"; }
npm_install() { (cd "$APP/npm" && npm install --cache "$APP/npm-cache" --no-audit --no-fund --loglevel=error); }
pnpm_install() { (cd "$APP/pnpm" && "$PNPM" install --store-dir "$APP/pnpm-store" --reporter=silent); }
bun_install() { (cd "$APP/bun" && BUN_INSTALL_CACHE_DIR="$APP/bun-cache" "$BUN" install --silent); }
installed() { # $1 = tool: how many bench packages its tree holds
  local dir="$APP/$1/node_modules"
  [[ "$1" == hype ]] && dir="$APP/hype/hype_modules"
  find "$dir" -mindepth 1 -maxdepth 1 -name 'bench-dep-*' 2>/dev/null | wc -l
}

clean() { # $1 = tool, $2 = cold|warm
  case "$1" in
    hype) rm -rf "$APP/hype/hype_modules"; [[ "$2" == cold ]] && rm -rf "$APP/hype-store" "$APP/hype/hype-lock.json" "$HYPE_HOME/cache" ;;
    npm)  rm -rf "$APP/npm/node_modules"; [[ "$2" == cold ]] && rm -rf "$APP/npm-cache" "$APP/npm/package-lock.json" ;;
    pnpm) rm -rf "$APP/pnpm/node_modules"; [[ "$2" == cold ]] && rm -rf "$APP/pnpm-store" "$APP/pnpm/pnpm-lock.yaml" ;;
    bun)  rm -rf "$APP/bun/node_modules"; [[ "$2" == cold ]] && rm -rf "$APP/bun-cache" "$APP/bun/bun.lock" "$APP/bun/bun.lockb" ;;
  esac
  true
}

version_of() { case "$1" in hype) echo "$("$HYPE" --version | head -n 1)" ;; npm) echo "npm $(npm --version)" ;;
  *) echo "$1 $("$TOOLS/node_modules/.bin/$1" --version)" ;; esac; }
echo "date:    $(date -u +%Y-%m-%dT%H:%MZ)"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "tools:   $(for t in $TOOL_LIST; do printf '%s; ' "$(version_of "$t")"; done)node $(node --version)"
echo "median of $RUNS runs, ms"
for N in $SIZES; do
  APP="$WORK/app-$N"
  deps="$(seq 1 "$N" | awk '{printf "%s\"bench-dep-%s\": \"^1.0.0\"", (NR > 1 ? ", " : ""), $1}')"
  mkdir -p "$APP/hype" "$APP/npm" "$APP/pnpm" "$APP/bun"
  printf '{"name": "app", "version": "1.0.0", "dependencies": {%s}}\n' "$deps" >"$APP/hype/hype.json"
  for tool in npm pnpm bun; do
    printf '{"name": "app", "version": "1.0.0", "private": true, "dependencies": {%s}}\n' "$deps" >"$APP/$tool/package.json"
  done
  printf 'registry=%s/\n' "$URL" | tee "$APP/npm/.npmrc" "$APP/pnpm/.npmrc" >/dev/null
  printf '[install]\nregistry = "%s/"\n' "$URL" >"$APP/bun/bunfig.toml"
  echo
  echo "$N dependencies"
  printf '%-6s %8s %8s %8s   %s\n' tool cold warm noop "cold ms/package, installed"
  declare -A COLD WARM NOOP
  for tool in $TOOL_LIST; do
    cold=(); warm=(); noop=()
    for _ in $(seq 1 "$RUNS"); do
      clean "$tool" cold; cold+=("$(ms "${tool}_install")")
      clean "$tool" warm; warm+=("$(ms "${tool}_install")")
      noop+=("$(ms "${tool}_install")")
    done
    COLD[$tool]="$(printf '%s\n' "${cold[@]}" | median)"
    WARM[$tool]="$(printf '%s\n' "${warm[@]}" | median)"
    NOOP[$tool]="$(printf '%s\n' "${noop[@]}" | median)"
    count="$(installed "$tool")"
    per="-"; [[ "${COLD[$tool]}" != failed ]] && per="$(awk -v t="${COLD[$tool]}" -v n="$N" 'BEGIN {printf "%.1f", t / n}')"
    printf '%-6s %8s %8s %8s   %s, %s of %s%s\n' "$tool" "${COLD[$tool]}" "${WARM[$tool]}" "${NOOP[$tool]}" "$per" \
      "$count" "$N" "$([[ "$count" == "$N" ]] || echo ' (INCOMPLETE: log in install.log)')"
  done
  for peer in pnpm npm bun; do
    [[ -n "${COLD[$peer]:-}" ]] || continue
    line="hype / $peer:"
    for phase in COLD WARM NOOP; do
      declare -n table="$phase"
      line="$line $(awk -v h="${table[hype]}" -v p="${table[$peer]}" -v ph="${phase,,}" \
        'BEGIN {if (h == "failed" || p == "failed") printf "%s -", ph; else printf "%s %.2f×", ph, h / p}')"
      unset -n table
    done
    echo "$line"
  done
  unset COLD WARM NOOP
done
