# Shared by the bench scripts: start `hype registry serve` on a free port in the background.
# Usage: bench_serve_registry HYPE STORAGE LOG
# Sets SERVER (its pid, for the caller's cleanup) and URL (no trailing slash); returns 1, with the
# server's log on stderr, when it does not start.
bench_serve_registry() {
  local hype="$1" storage="$2" log="$3"
  "$hype" registry serve --port 0 --storage "$storage" --quiet 2>"$log" &
  SERVER=$!
  URL=""
  for _ in $(seq 1 240); do
    URL="$(sed -n 's/.*listening on \(http:[^ ]*\).*/\1/p' "$log")"
    [[ -n "$URL" ]] && break
    kill -0 "$SERVER" 2>/dev/null || break
    sleep 0.25   # polling a log for the server's first line, not waiting for a result
  done
  [[ -n "$URL" ]] || { echo "the registry did not start: $(cat "$log")" >&2; return 1; }
  URL="${URL%/}"
}
