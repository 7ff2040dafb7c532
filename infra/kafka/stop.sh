#!/usr/bin/env bash
# Stops the broker started by start.sh; harmless when none runs.
set -euo pipefail
state="$(cd "$(dirname "$0")/../.." && pwd)/.kafka"
[ -f "$state/kafka.pid" ] || exit 0
pid="$(cat "$state/kafka.pid")"
if kill -0 "$pid" 2>/dev/null; then
  kill -TERM "$pid"
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
  echo "kafka: stopped"
fi
rm -f "$state/kafka.pid"
