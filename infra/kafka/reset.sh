#!/usr/bin/env bash
# Stops the broker and deletes its data: the next start.sh formats a clean broker
# (same cluster id, empty topics).   KAFKA_STATE_DIR (<repo>/.kafka)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
state="${KAFKA_STATE_DIR:-$here/../../.kafka}"
bash "$here/stop.sh"
rm -rf "$state/data"
echo "kafka: data removed"
