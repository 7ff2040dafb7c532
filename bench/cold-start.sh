#!/usr/bin/env bash
# Cold start of one service, from process start to its first /health/live answer: the production
# bundle (node dist/services/<name>/main.js) against TypeScript through @swc-node/register (npm start's path).
#   DATABASE_URL=… KAFKA_BROKERS=… bash bench/cold-start.sh [service] [runs]   (needs the build and secrets in the env)
set -euo pipefail
cd "$(dirname "$0")/.."
svc="${1:-directory}" runs="${2:-3}" port="${BENCH_PORT:-3977}"
measure() {
  local start end pid
  start=$(date +%s%N)
  PORT=$port LOG_LEVEL=warn "$@" >"/tmp/cold-start-$svc.log" 2>&1 &
  pid=$!
  until curl -sf "http://127.0.0.1:$port/health/live" >/dev/null; do
    kill -0 "$pid" 2>/dev/null || { echo "$* exited before answering" >&2; exit 1; }
    sleep 0.02
  done
  end=$(date +%s%N)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo $(( (end - start) / 1000000 ))
}
for mode in build swc-node; do
  times=()
  for _ in $(seq "$runs"); do
    if [ "$mode" = build ]; then times+=("$(measure node "dist/services/$svc/main.js")")
    else times+=("$(measure node -r @swc-node/register "apps/$svc/src/main.ts")"); fi
  done
  echo "$svc $mode: ${times[*]} ms"
done
