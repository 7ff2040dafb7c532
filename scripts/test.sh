#!/usr/bin/env bash
# `npm test`: everything the tests need, then every layer of tests.
#  - installs npm packages when node_modules is missing (and generates the Prisma clients)
#  - PostgreSQL: TEST_DATABASE_URL, else the machine's 127.0.0.1:5432, else an embedded one (jest global setup)
#  - Kafka: starts the project's own broker (infra/kafka) when none answers on KAFKA_BROKERS
#  - builds the console and portal for the browser tests
set -euo pipefail
cd "$(dirname "$0")/.."
export NX_DAEMON=false CHECKPOINT_DISABLE=1

[ -d node_modules ] || npm install --no-audit --no-fund
[ -f apps/registration/src/infrastructure/prisma/generated/client.ts ] || node scripts/prisma-generate.js

# The tests get their own broker on a port of their own (19092 unless taken by another checkout's),
# because the end-to-end tests stop and start it; it is stopped again when the tests end.
if [ -z "${KAFKA_BROKERS:-}" ]; then
  export KAFKA_STATE_DIR="$PWD/.kafka-test"
  port=19092
  own_pid=$(cat "$KAFKA_STATE_DIR/kafka.pid" 2>/dev/null || true)
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && ! { [ -n "$own_pid" ] && kill -0 "$own_pid" 2>/dev/null; }; do
    port=$((port + 100))
  done
  export KAFKA_PORT=$port KAFKA_CONTROLLER_PORT=$((port + 1)) KAFKA_BROKERS=127.0.0.1:$port
  bash infra/kafka/start.sh
  trap 'bash infra/kafka/stop.sh' EXIT
fi

# The console and portal for the browser tests, rebuilt only when their inputs changed (Nx cache).
npx nx run-many -t build -p console portal --output-style=static

npx tsc -p tsconfig.json --noEmit
for app in console portal; do npx tsc -p "apps/$app/tsconfig.json"; done
npx eslint apps libs test bench scripts infra
# The deployment files, offline (no Docker engine, no cluster): every k8s manifest against the
# Kubernetes schemas, compose through `docker-compose config`, the Dockerfile's rules; the self-test
# first shows each check reports the break it is for.
node scripts/check-deployment.mjs --self-test
node scripts/check-deployment.mjs
# The committed contracts (event schemas, AsyncAPI, OpenAPI and its TypeScript types) are the code's.
npm run --silent contracts:generate -- --check
# The published HTTP contract: Redocly's recommended rules, 0 errors (redocly.yaml says what is relaxed and why).
npx redocly lint libs/contracts/openapi.json --format=summary
# Observability (infra/observability): the alert rules and the Prometheus configs through promtool
# (Debian's `prometheus` package; .ci/run installs it, so CI always runs this), and the dashboards
# and rules naming only metrics the code registers.
if command -v promtool >/dev/null 2>&1; then
  (cd infra/observability && promtool check rules alerts.yml && promtool test rules alerts.test.yml &&
    promtool check config --syntax-only prometheus.yml prometheus.local.yml prometheus.k8s.yml)
elif [ -n "${CI:-}" ]; then
  echo "promtool is missing: CI must check the alert rules (apt-get install prometheus)" >&2
  exit 1
else
  echo "promtool not installed: alert rules and Prometheus configs not checked (apt-get install prometheus)" >&2
fi
node -r @swc-node/register scripts/check-observability.ts
# The architecture's import rules (.dependency-cruiser.cjs), with its written baseline of known violations.
npm run --silent lint:boundaries
npx jest --ci --selectProjects unit integration "$@"
# End-to-end tests stop and start the shared broker, so they run one at a time, after the rest.
npx jest --ci --runInBand --forceExit --selectProjects e2e "$@"
