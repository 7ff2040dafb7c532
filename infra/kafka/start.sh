#!/usr/bin/env bash
# Starts a single-node KRaft Kafka 3.9.1 broker from Maven Central jars (no Docker, no tarball),
# in the background, and creates the project's topics. Idempotent: a running broker is reused.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
state="$root/.kafka"
port="${KAFKA_PORT:-9092}"
controller_port="${KAFKA_CONTROLLER_PORT:-9093}"
mkdir -p "$state"

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

if ! port_open "$port"; then
  # The classpath is resolved once per pom version; jars stay in ~/.m2.
  sum="$(sha256sum "$here/pom.xml" | cut -c1-16)"
  if [ ! -s "$state/classpath-$sum" ]; then
    echo "kafka: resolving jars from Maven Central"
    mvn -q -B -f "$here/pom.xml" dependency:build-classpath -Dmdep.outputFile="$state/classpath-$sum" >/dev/null
  fi
  cp="$(cat "$state/classpath-$sum")"

  cat > "$state/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$controller_port
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$controller_port
advertised.listeners=PLAINTEXT://127.0.0.1:$port
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$state/data
num.partitions=3
offsets.topic.replication.factor=1
offsets.topic.num.partitions=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
log.retention.hours=168
PROPS
  cat > "$state/log4j.properties" <<'PROPS'
log4j.rootLogger=WARN, stdout
log4j.appender.stdout=org.apache.log4j.ConsoleAppender
log4j.appender.stdout.layout=org.apache.log4j.PatternLayout
log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka=INFO
log4j.logger.org.apache.kafka=WARN
PROPS
  jvm=(-Xms256m -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto -Djava.awt.headless=true)
  jvm+=(-Dlog4j.configuration="file:$state/log4j.properties")
  [ -s "$state/cluster-id" ] || java -cp "$cp" kafka.tools.StorageTool random-uuid > "$state/cluster-id"
  if [ ! -f "$state/data/meta.properties" ]; then
    echo "kafka: formatting storage"
    java "${jvm[@]}" -cp "$cp" kafka.tools.StorageTool format -t "$(cat "$state/cluster-id")" \
      -c "$state/server.properties" --ignore-formatted >/dev/null
  fi
  echo "kafka: starting broker on 127.0.0.1:$port"
  nohup java "${jvm[@]}" -cp "$cp" \
    kafka.Kafka "$state/server.properties" >"$state/kafka.log" 2>&1 &
  echo $! > "$state/kafka.pid"
  for _ in $(seq 1 180); do
    port_open "$port" && break
    if ! kill -0 "$(cat "$state/kafka.pid")" 2>/dev/null; then
      echo "kafka: broker exited"; tail -n 40 "$state/kafka.log"; exit 1
    fi
    sleep 0.5
  done
  port_open "$port" || { echo "kafka: broker did not open its port"; tail -n 40 "$state/kafka.log"; exit 1; }
fi

node "$here/ensure-topics.js" "127.0.0.1:$port" || { tail -n 40 "$state/kafka.log" 2>/dev/null; exit 1; }
