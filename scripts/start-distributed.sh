#!/usr/bin/env bash
# `npm run start:distributed`: Kafka and every service as its own process (ARCHITECTURE.md, Modes).
# Uses DATABASE_URL (default: the machine's PostgreSQL, database otr) and starts the local broker.
# PORT (3000) is the gateway's; the services take PORT+1…PORT+5 and the bank simulator PORT+90,
# as in the embedded mode. Secrets: the environment's, else this checkout's generated .data/secrets.env.
set -euo pipefail
cd "$(dirname "$0")/.."
base="${PORT:-3000}"
if [ "${NODE_ENV:-}" != production ]; then
  set -a
  # shellcheck disable=SC1090
  . "$(node -r @swc-node/register scripts/local-secrets.ts)"
  set +a
fi
export DATABASE_URL="${DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/otr}"
export KAFKA_BROKERS="${KAFKA_BROKERS:-127.0.0.1:9092}"
export LOG_LEVEL="${LOG_LEVEL:-info}"
export FEES_BANK_URL="${FEES_BANK_URL:-http://127.0.0.1:$((base + 90))}"

psql "${DATABASE_URL%/*}/postgres" -tAc "SELECT 1 FROM pg_database WHERE datname = '${DATABASE_URL##*/}'" | grep -q 1 \
  || psql "${DATABASE_URL%/*}/postgres" -c "CREATE DATABASE ${DATABASE_URL##*/}" >/dev/null
bash infra/kafka/start.sh
npm run --silent db:migrate

declare -A PORTS=([registration]=$((base + 1)) [directory]=$((base + 2)) [inspection]=$((base + 3))
  [fee-supervision]=$((base + 4)) [complaints]=$((base + 5)))
for p in "$base" "${PORTS[@]}" $((base + 90)); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
    echo "port $p is already in use: stop what holds it, or choose another PORT (the gateway's; services take PORT+1…PORT+5, the bank PORT+90)" >&2
    exit 1
  fi
done
# The console and portal the gateway serves, rebuilt only when their inputs changed (Nx cache).
npx nx run-many -t build -p @otr/console @otr/portal --output-style=static >/dev/null
# Every service learns every other's address before any starts.
for svc in "${!PORTS[@]}"; do export "$(echo "$svc" | tr a-z- A-Z_)_URL=http://127.0.0.1:${PORTS[$svc]}"; done
pids=()
for svc in "${!PORTS[@]}"; do
  PORT=${PORTS[$svc]} node -r @swc-node/register "apps/$svc/src/main.ts" &
  pids+=($!)
done
# The custodian bank's simulator (payment webhooks, daily statements) for fee supervision.
BANK_SIM_PORT=$((base + 90)) BANK_SIM_WEBHOOK_URL="http://127.0.0.1:${PORTS[fee-supervision]}/bank/webhooks/payments" \
  node -r @swc-node/register apps/bank-sim/src/main.ts &
pids+=($!)
PORT=$base node -r @swc-node/register apps/gateway/src/main.ts &
pids+=($!)
trap 'kill "${pids[@]}" 2>/dev/null; wait' INT TERM EXIT
echo "gateway http://localhost:$base — services: ${!PORTS[*]} (Ctrl+C stops them; npm run kafka:stop stops the broker)"
wait
