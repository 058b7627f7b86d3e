#!/usr/bin/env bash
# Install what the test suite and the benchmarks compare against: lua5.4, Debian's Lua 5.4 C
# modules and busted, node and npm, the npm packages pinned in build-tools/package.json; script(1)
# for the terminal tests; and for the LuaRocks tests Debian's luarocks (whose luarocks pack and
# luarocks-admin make_manifest build the test servers), a C compiler and the Lua 5.4 headers (C
# rocks are built at install). Idempotent; safe to run on every test run.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

apt_install() { # $@ = Debian packages
  if [[ $(id -u) -ne 0 ]]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      sudo apt-get update -qq >/dev/null && sudo apt-get install -y -qq "$@" >/dev/null
    else
      echo "install-test-tools: cannot install $* (not root); tests that need them will be skipped" >&2
      return 1
    fi
  else
    if [[ ! -f /tmp/.hype-apt-updated ]]; then
      apt-get update -qq >/dev/null && touch /tmp/.hype-apt-updated
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  fi
}

command -v lua5.4 >/dev/null 2>&1 || { echo "install-test-tools: installing lua5.4" >&2; apt_install lua5.4; }
command -v node >/dev/null 2>&1 || { echo "install-test-tools: installing node" >&2; apt_install nodejs npm; }
command -v luarocks-admin >/dev/null 2>&1 || { echo "install-test-tools: installing luarocks" >&2; apt_install luarocks; }
command -v cc >/dev/null 2>&1 || { echo "install-test-tools: installing gcc" >&2; apt_install gcc libc6-dev; }
[[ -f /usr/include/lua5.4/lua.h ]] || { echo "install-test-tools: installing liblua5.4-dev" >&2; apt_install liblua5.4-dev; }
# script(1) gives the end-to-end REPL tests a pseudo-terminal (Ctrl-C, the prompt).
command -v script >/dev/null 2>&1 || { echo "install-test-tools: installing script (bsdutils)" >&2; apt_install bsdutils; }

# Debian's Lua 5.4 C modules and busted: tests require them from project code with no path
# settings, and run the corpus's busted suites with real busted under hype.
lua_packages=()
for pair in lua-lpeg:lpeg.so lua-filesystem:lfs.so lua-cjson:cjson.so lua-socket:socket/core.so; do
  [[ -n "$(find /usr/lib -path "*/lua/5.4/${pair#*:}" -print -quit 2>/dev/null)" ]] || lua_packages+=("${pair%%:*}")
done
[[ -f /usr/share/lua/5.4/busted/runner.lua ]] || lua_packages+=(lua-busted)
if (( ${#lua_packages[@]} > 0 )); then
  echo "install-test-tools: installing ${lua_packages[*]}" >&2
  apt_install "${lua_packages[@]}"
fi

if [[ -f "$ROOT/build-tools/package.json" ]] && command -v npm >/dev/null 2>&1; then
  stamp="$ROOT/build-tools/node_modules/.hype-installed"
  if [[ ! -f "$stamp" || "$ROOT/build-tools/package.json" -nt "$stamp" ]]; then
    echo "install-test-tools: installing npm packages in build-tools/" >&2
    # npm ci installs exactly what the committed package-lock.json says and never rewrites it.
    if (cd "$ROOT/build-tools" && npm ci --no-audit --no-fund --loglevel=error >/dev/null); then
      touch "$stamp"
    else
      echo "install-test-tools: npm install failed; tests that need these packages will be skipped" >&2
    fi
  fi
fi
exit 0
