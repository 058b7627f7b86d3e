#!/usr/bin/env bash
# Install the pinned node-semver into build-tools/node_modules so NodeSemverOracleTest can
# cross-check Hype's semver against it. Then run: ./mvnw -pl hype-pm -am verify
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
command -v npm >/dev/null || { echo "npm not found; install Node.js to run the semver oracle" >&2; exit 1; }
cd "$root/build-tools"
npm install --no-audit --no-fund --loglevel=error
echo "node-semver $(node -p 'require("semver/package.json").version') installed in build-tools/node_modules"
