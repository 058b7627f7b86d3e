#!/usr/bin/env bash
# Build hype-pm and this benchmark in one reactor (bench/pom.xml), then run JMH.
# Extra arguments go to JMH, e.g. bench/resolver/run.sh -p packages=1000
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
cd "$root"
./mvnw -q -B -f bench/pom.xml -pl resolver -am package -DskipTests
cd bench/resolver
"$JAVA_HOME/bin/java" -cp "target/classes:$(cat target/classpath.txt)" org.openjdk.jmh.Main "$@"
