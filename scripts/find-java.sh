# Sourced by ./hype and scripts/*.sh: sets HYPE_JAVA_HOME to a JDK 25 or newer.
# Order: $JAVA_HOME if it is 25+, then `java` on PATH, then the usual install locations.

hype_java_major() { # $1 = a JDK home; prints its feature version, or nothing
  local release="$1/release" v
  if [[ -f "$release" ]]; then
    v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release")
    [[ -n "$v" ]] && { echo "$v"; return; }
  fi
  if [[ -x "$1/bin/java" ]]; then
    "$1/bin/java" -XshowSettings:properties -version 2>&1 \
      | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p'
  fi
}

hype_find_java() {
  local want=25 candidate major
  local -a candidates=()
  [[ -n "${JAVA_HOME:-}" ]] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  for candidate in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* \
      /Library/Java/JavaVirtualMachines/*/Contents/Home "$HOME"/.jdks/*; do
    [[ -d "$candidate" ]] && candidates+=("$candidate")
  done
  for candidate in "${candidates[@]}"; do
    major=$(hype_java_major "$candidate")
    if [[ -n "$major" && "$major" -ge "$want" && -x "$candidate/bin/java" ]]; then
      HYPE_JAVA_HOME="$candidate"
      return 0
    fi
  done
  echo "hype: no JDK $want or newer found (looked at JAVA_HOME, java on PATH and /usr/lib/jvm)." >&2
  echo "hint: install a JDK $want (e.g. Temurin $want) or set JAVA_HOME to one" >&2
  return 1
}
