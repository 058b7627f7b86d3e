#!/usr/bin/env bash
# Build hype-runtime, then run the built-in modules benchmark from the repository root:
#   bench/builtins/run.sh [calls-per-round] [rounds]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME
./mvnw -q -B -o -pl hype-runtime -am compile >/dev/null
CP_FILE="$(mktemp)"
export HYPE_HOME="$(mktemp -d)"  # nothing in ~/.hype or the checkout
trap 'rm -rf "$CP_FILE" "$HYPE_HOME"' EXIT
./mvnw -q -B -o -pl hype-runtime dependency:build-classpath -Dmdep.outputFile="$CP_FILE" >/dev/null
CP="hype-runtime/target/classes:$(cat "$CP_FILE")"
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$CP" bench/builtins/BuiltinsBench.java "$@"
