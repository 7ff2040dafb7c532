#!/usr/bin/env bash
# The README's first command on this checkout, as a newcomer runs it: `npm start` in the background
# (embedded PostgreSQL, demo data), then the console, portal, search and docs probed in Chromium
# (test/first-command/probe.ts), then stopped. .ci/run calls it on its clean clone after npm install.
set -euo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp)
# Its own process group, so the interrupt reaches npm and the platform under it, as Ctrl+C would.
setsid npm start >"$log" 2>&1 &
pid=$!
stop() { kill -INT -- "-$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; }
trap stop EXIT
url=
for _ in $(seq 1 600); do
  url=$(sed -n 's|^  Console (task force) *\(http://[^ ]*\)/console/$|\1|p' "$log")
  [ -n "$url" ] && break
  kill -0 "$pid" 2>/dev/null || { cat "$log"; echo "npm start exited before it was ready" >&2; exit 1; }
  sleep 1
done
[ -n "$url" ] || { tail -n 40 "$log"; echo "npm start was not ready within 10 minutes" >&2; exit 1; }
node -r @swc-node/register test/first-command/probe.ts "$url" || { tail -n 40 "$log"; exit 1; }
