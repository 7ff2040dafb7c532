#!/usr/bin/env bash
# Stops the broker and deletes its data (a clean broker for the next start).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bash "$here/stop.sh"
rm -rf "$here/../../.kafka/data"
echo "kafka: data removed"
