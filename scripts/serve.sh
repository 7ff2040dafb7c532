#!/usr/bin/env bash
# `npx nx serve <service>`: one service as its own process over Kafka and PostgreSQL, on its port
# of the distributed layout (PORT+1…PORT+5 from the gateway's PORT, 3000), e.g. a second
# instance of a consumer group: PORT=3100 npx nx serve directory (see README, Distributed mode).
set -euo pipefail
cd "$(dirname "$0")/.."
service="$1"
. scripts/local-env.sh
case "$service" in
  gateway) port=$base ;;
  bank-sim) port=$((base + 90)) ;;
  *) port="${PORTS[$service]:?unknown service $service}" ;;
esac
PORT=$port exec node -r @swc-node/register "apps/$service/src/main.ts"
