#!/usr/bin/env bash
# Run the module-system benchmarks of issue 3 and print the figures for docs/benchmarks.md.
# Usage: bench/modules/run.sh   (from the repository root; builds the distribution through ./hype)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
WORK="$ROOT/bench/out/modules"
RUNS=10
rm -rf "$WORK" && mkdir -p "$WORK"
export HYPE_HOME="$WORK/hype-home"  # bench/out is ignored; nothing in ~/.hype

"$ROOT/hype" -e "" >/dev/null        # build the distribution and its AOT cache if needed
DIST="$ROOT/hype-cli/target/dist"
JAVA="$(cat "$DIST/.java-home")/bin/java"
# The launcher's java command for scripts, without the launcher (same flags and class path, or
# the JVM ignores the AOT cache).
read -r CP <"$DIST/classpath" || true
CP="${CP//lib\//$DIST/lib/}"
CP="${CP%%:*}:$DIST/lib/hype-cli.jar:${CP#*:}"
HYPE=("$JAVA" --enable-native-access=ALL-UNNAMED -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss16m
      -Dhype.natives="$DIST/natives" -Dhype.lua="$DIST/lua"
      -XX:AOTCache="$DIST/script.aot" -Xlog:aot=off -Xlog:cds=off -cp "$CP" dev.hype.cli.Main)

echo "date:    $(date -u +%Y-%m-%d)"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "jdk:     $("$JAVA" -version 2>&1 | head -1)"
echo "node:    $(node --version)"
echo

echo "== cached require and memory (one JVM process)"
"$JAVA" --enable-native-access=ALL-UNNAMED -cp "$DIST/lib/*" "$ROOT/bench/modules/ModuleBench.java" "$WORK/inproc"
echo

python3 "$ROOT/bench/modules/gen-tree.py" "$WORK"
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
time_runs() { # label, dir, command...  prints median wall time and median CPU time (user+sys)
  local label="$1" dir="$2"; shift 2
  local walls=() cpus=()
  for _ in $(seq "$RUNS"); do
    local out
    out=$(cd "$dir" && /usr/bin/time -f '%e %U %S' "$@" 2>&1 >/dev/null | tail -1)
    read -r wall user sys <<<"$out"
    walls+=("$(awk -v w="$wall" 'BEGIN {printf "%d", w * 1000}')")
    cpus+=("$(awk -v u="$user" -v s="$sys" 'BEGIN {printf "%d", (u + s) * 1000}')")
  done
  printf '%-40s wall median %5s ms, CPU median %5s ms   (wall runs: %s)\n' "$label" \
    "$(printf '%s\n' "${walls[@]}" | median)" "$(printf '%s\n' "${cpus[@]}" | median)" "${walls[*]}"
}
echo "== first load of 100 small modules, whole process, median of $RUNS"
(cd "$WORK/tree-lua" && "${HYPE[@]}" main.lua) | sed 's/^/hype output: /'
(cd "$WORK/tree-js" && node main.js) | sed 's/^/node output: /'
echo 'return 1' > "$WORK/empty.lua"; echo '' > "$WORK/empty.js"
time_runs "hype main.lua (100 modules)" "$WORK/tree-lua" "${HYPE[@]}" main.lua
time_runs "node main.js (100 modules)" "$WORK/tree-js" node main.js
time_runs "hype empty.lua (start-up only)" "$WORK" "${HYPE[@]}" empty.lua
time_runs "node empty.js (start-up only)" "$WORK" node empty.js
echo
echo "== the same load inside the process, start-up excluded"
(cd "$WORK/tree-lua" && "$JAVA" --enable-native-access=ALL-UNNAMED -cp "$DIST/lib/*" "$ROOT/bench/modules/ModuleBench.java" tree . | grep -v '^total')
(cd "$WORK/tree-js" && node -e '
  const t0 = process.hrtime.bigint(); const log = console.log; console.log = () => {};
  require("./main.js"); console.log = log;
  console.log("node, in-process (100 modules): " + (Number(process.hrtime.bigint() - t0) / 1e6).toFixed(1) + " ms")')
