#!/usr/bin/env bash
# `npm run start:distributed`: Kafka and every service as its own process (ARCHITECTURE.md, Modes).
# Uses DATABASE_URL (default: the machine's PostgreSQL, database otr) and starts the local broker.
set -euo pipefail
cd "$(dirname "$0")/.."
export DATABASE_URL="${DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/otr}"
export KAFKA_BROKERS="${KAFKA_BROKERS:-127.0.0.1:9092}"
export LOG_LEVEL="${LOG_LEVEL:-info}"
export FEES_BANK_URL="${FEES_BANK_URL:-http://127.0.0.1:3090}"

psql "${DATABASE_URL%/*}/postgres" -tAc "SELECT 1 FROM pg_database WHERE datname = '${DATABASE_URL##*/}'" | grep -q 1 \
  || psql "${DATABASE_URL%/*}/postgres" -c "CREATE DATABASE ${DATABASE_URL##*/}" >/dev/null
bash infra/kafka/start.sh
npm run --silent db:migrate

declare -A PORTS=([registration]=3001 [directory]=3002 [inspection]=3003 [fee-supervision]=3004 [complaints]=3005)
pids=()
for svc in "${!PORTS[@]}"; do
  PORT=${PORTS[$svc]} node -r @swc-node/register "apps/$svc/src/main.ts" &
  pids+=($!)
  export "$(echo "$svc" | tr a-z- A-Z_)_URL=http://127.0.0.1:${PORTS[$svc]}"
done
# The custodian bank's simulator (payment webhooks, daily statements) for fee supervision.
BANK_SIM_PORT=3090 node -r @swc-node/register apps/bank-sim/src/main.ts &
pids+=($!)
PORT=3000 node -r @swc-node/register apps/gateway/src/main.ts &
pids+=($!)
trap 'kill "${pids[@]}" 2>/dev/null; wait' INT TERM EXIT
echo "gateway http://localhost:3000 — services: ${!PORTS[*]} (Ctrl+C stops them; npm run kafka:stop stops the broker)"
wait
