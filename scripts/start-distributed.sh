#!/usr/bin/env bash
# `npm run start:distributed`: Kafka and every service as its own process (ARCHITECTURE.md, Modes).
# Its environment comes from scripts/local-env.sh (database, broker, secrets, migrations). PORT
# (3000) is the gateway's; the services take PORT+1…PORT+5, the bank simulator PORT+90 and the bank callbacks PORT+91, as in
# the embedded mode.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/local-env.sh

for p in "$base" "${PORTS[@]}" "$BANK_SIM_PORT" "$FEES_BANK_CALLBACK_PORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
    echo "port $p is already in use: stop what holds it, or choose another PORT (the gateway's; services take PORT+1…PORT+5, the bank PORT+90 and PORT+91)" >&2
    exit 1
  fi
done
# The console and portal the gateway serves, rebuilt only when their inputs changed (Nx cache).
npx nx run-many -t build -p console portal --output-style=static >/dev/null
pids=()
for svc in "${!PORTS[@]}"; do
  PORT=${PORTS[$svc]} node -r @swc-node/register "apps/$svc/src/main.ts" &
  pids+=($!)
done
# The custodian bank's simulator (payment webhooks, daily statements) for fee supervision.
node -r @swc-node/register apps/bank-sim/src/main.ts &
pids+=($!)
PORT=$base node -r @swc-node/register apps/gateway/src/main.ts &
pids+=($!)
trap 'kill "${pids[@]}" 2>/dev/null; wait' INT TERM EXIT
echo "gateway http://localhost:$base — services: ${!PORTS[*]} (Ctrl+C stops them; npm run kafka:stop stops the broker)"
wait
