# Sourced by start-distributed.sh and serve.sh: the distributed mode's environment on this machine.
# Secrets from the environment, else this checkout's generated .data/secrets.env (never in
# production); DATABASE_URL (the machine's PostgreSQL, database otr) created when missing; the
# local Kafka broker started unless KAFKA_BROKERS names one; migrations applied.
base="${PORT:-3000}"
if [ "${NODE_ENV:-}" != production ]; then
  set -a
  # shellcheck disable=SC1090
  . "$(node -r @swc-node/register scripts/local-secrets.ts)"
  set +a
fi
export DATABASE_URL="${DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/otr}"
export LOG_LEVEL="${LOG_LEVEL:-info}"
export FEES_BANK_URL="${FEES_BANK_URL:-http://127.0.0.1:$((base + 90))}"
# The bank's callbacks reach fee supervision on a listener of their own, never the port the gateway forwards to.
export FEES_BANK_CALLBACK_PORT="${FEES_BANK_CALLBACK_PORT:-$((base + 91))}"
export BANK_SIM_PORT=$((base + 90)) BANK_SIM_WEBHOOK_URL="http://127.0.0.1:${FEES_BANK_CALLBACK_PORT}/bank/webhooks/payments"
# Each service's address, at the same offsets from the gateway's PORT as in the embedded mode.
declare -A PORTS=([registration]=$((base + 1)) [directory]=$((base + 2)) [inspection]=$((base + 3))
  [fee-supervision]=$((base + 4)) [complaints]=$((base + 5)))
for svc in "${!PORTS[@]}"; do export "$(echo "$svc" | tr a-z- A-Z_)_URL=http://127.0.0.1:${PORTS[$svc]}"; done

psql "${DATABASE_URL%/*}/postgres" -tAc "SELECT 1 FROM pg_database WHERE datname = '${DATABASE_URL##*/}'" | grep -q 1 \
  || psql "${DATABASE_URL%/*}/postgres" -c "CREATE DATABASE ${DATABASE_URL##*/}" >/dev/null
if [ -z "${KAFKA_BROKERS:-}" ]; then
  bash infra/kafka/start.sh
  export KAFKA_BROKERS=127.0.0.1:9092
fi
npm run --silent db:migrate
