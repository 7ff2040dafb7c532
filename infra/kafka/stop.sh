#!/usr/bin/env bash
# Stops the broker started by start.sh (SIGTERM, up to 30 s, then SIGKILL); harmless when none runs.
#   KAFKA_STATE_DIR (<repo>/.kafka)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
state="${KAFKA_STATE_DIR:-$root/.kafka}"
state="$(cd "$state" 2>/dev/null && pwd || echo "$state")"
pid="$(cat "$state/kafka.pid" 2>/dev/null || true)"
# Only a process that is this state dir's broker (a pid file can outlive its process; pids recycle).
cmdline="$( [ -n "$pid" ] && tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline" || true)"
if [[ "$cmdline" == *"kafka.Kafka $state/server.properties"* ]]; then
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  if kill -0 "$pid" 2>/dev/null; then
    kill -KILL "$pid" 2>/dev/null || true
    echo "kafka: broker (pid $pid) killed after 30 s"
    # It may have died while writing its class archive (start.sh records one on the first run).
    [[ "$cmdline" =~ ArchiveClassesAtExit=([^ ]+) ]] && rm -f "${BASH_REMATCH[1]}"
  else
    echo "kafka: broker (pid $pid) stopped"
  fi
else
  echo "kafka: no broker running from $state"
fi
rm -f "$state/kafka.pid"
