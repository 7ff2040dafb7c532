#!/usr/bin/env bash
# Starts a single-node KRaft Kafka 3.9.1 broker from Maven Central jars (no Docker, no tarball)
# in the background, then creates the project's topics. Idempotent: a broker already answering
# on the port is reused and only the topics are ensured.
#   KAFKA_PORT (9092), KAFKA_CONTROLLER_PORT (9093), KAFKA_STATE_DIR (<repo>/.kafka),
#   KAFKA_JVM_FLAGS and KAFKA_CDS (start-up speed, see below), KAFKA_START_TIMEOUT (90 seconds),
#   KAFKA_EXTRA_PROPERTIES (lines appended to server.properties, e.g. a short retention for a test)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
state="${KAFKA_STATE_DIR:-$root/.kafka}"
port="${KAFKA_PORT:-9092}"
controller_port="${KAFKA_CONTROLLER_PORT:-9093}"
timeout="${KAFKA_START_TIMEOUT:-90}"
mkdir -p "$state"
state="$(cd "$state" && pwd)"

started_at=$(date +%s%N)
say() { printf 'kafka: %s (%.1fs)\n' "$1" "$(( ($(date +%s%N) - started_at) / 1000000 ))e-3"; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
# The pid file's process, if it is still our broker (a recycled pid is not).
broker_pid() {
  local pid
  pid="$(cat "$state/kafka.pid" 2>/dev/null)" || return 1
  [ -n "$pid" ] && tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline" | grep -q "kafka.Kafka $state/server.properties" \
    && echo "$pid"
}
fail() { echo "kafka: $1" >&2; tail -n 40 "$state/kafka.log" >&2 2>/dev/null || true; exit 1; }

running_port() { sed -n 's|^listeners=PLAINTEXT://[^:]*:\([0-9]*\),.*|\1|p' "$state/server.properties" 2>/dev/null; }

if port_open "$port"; then
  if pid="$(broker_pid)" && [ "$(running_port)" = "$port" ]; then
    say "broker (pid $pid) already running on 127.0.0.1:$port"
  else
    say "a broker not started from $state answers on 127.0.0.1:$port, reusing it"
  fi
elif pid="$(broker_pid)"; then
  other="$(running_port)"
  [ "$other" = "$port" ] \
    || { echo "kafka: the broker from $state (pid $pid) runs on port $other, not $port: stop it or use another KAFKA_STATE_DIR" >&2; exit 1; }
  say "broker (pid $pid) is still starting, waiting for it"
else
  # Classpath: resolved once per pom content (the jars stay in ~/.m2).
  sum="$(sha256sum "$here/pom.xml" | cut -c1-16)"
  if [ -s "$state/classpath-$sum" ]; then
    say "classpath cached"
  else
    say "resolving the classpath with Maven (first run downloads the jars)"
    rm -f "$state"/classpath-*
    mvn -q -B -Dstyle.color=never -f "$here/pom.xml" dependency:build-classpath \
      -Dmdep.outputFile="$state/classpath-$sum.tmp" >"$state/mvn.log" 2>&1 \
      || { cat "$state/mvn.log" >&2; fail "mvn dependency:build-classpath failed"; }
    mv "$state/classpath-$sum.tmp" "$state/classpath-$sum"
    say "classpath resolved"
  fi
  cp="$(cat "$state/classpath-$sum")"

  cat >"$state/server.properties" <<PROPS
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
${KAFKA_EXTRA_PROPERTIES:-}
PROPS
  cat >"$state/log4j.properties" <<'PROPS'
log4j.rootLogger=WARN, stdout
log4j.appender.stdout=org.apache.log4j.ConsoleAppender
log4j.appender.stdout.layout=org.apache.log4j.PatternLayout
log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka=INFO
log4j.logger.org.apache.kafka=WARN
PROPS
  say "wrote server.properties and log4j.properties"

  # Start-up flags, measured on 2 busy cores (broker CPU time until the cluster is described):
  # C1-only JIT 5.3 s -> 3.2 s; the serial GC is neutral but lighter. A test broker needs no C2.
  read -r -a flags <<<"${KAFKA_JVM_FLAGS:--XX:+UseSerialGC -XX:TieredStopAtLevel=1}"
  jvm=(-Xms256m -Xmx512m "${flags[@]}" -Djava.awt.headless=true -Dlog4j.configuration="file:$state/log4j.properties")
  # AppCDS (3.2 s -> 2.0 s more): the first broker records its classes into kafka-<pom>.jsa when it
  # stops (that one stop takes ~5 s longer); later starts map the archive. KAFKA_CDS=0 disables.
  jsa="$state/kafka-$sum.jsa"
  use_cds=() record_cds=()
  if [ "${KAFKA_CDS:-1}" != 0 ]; then
    if [ -s "$jsa" ]; then
      use_cds=(-Xshare:auto -XX:SharedArchiveFile="$jsa" '-Xlog:cds*=off')
      record_cds=("${use_cds[@]}")
    else
      rm -f "$state"/kafka-*.jsa
      record_cds=(-XX:ArchiveClassesAtExit="$jsa" '-Xlog:cds*=off')
    fi
  fi

  if [ ! -s "$state/cluster-id" ]; then
    # Same form as `StorageTool random-uuid` (a random UUID, base64url), without a JVM start.
    node -e "let s; do { s = Buffer.from(crypto.randomUUID().replace(/-/g, ''), 'hex').toString('base64url'); } while (s.startsWith('-')); console.log(s)" \
      >"$state/cluster-id"
    say "generated cluster id $(cat "$state/cluster-id")"
  fi
  if [ -f "$state/data/meta.properties" ]; then
    say "storage already formatted"
  else
    java "${jvm[@]}" ${use_cds[@]+"${use_cds[@]}"} -cp "$cp" kafka.tools.StorageTool format -t "$(cat "$state/cluster-id")" \
      -c "$state/server.properties" --ignore-formatted >"$state/format.log" 2>&1 \
      || { cat "$state/format.log" >&2; fail "formatting storage failed"; }
    say "formatted storage in $state/data"
  fi

  nohup java "${jvm[@]}" ${record_cds[@]+"${record_cds[@]}"} -cp "$cp" kafka.Kafka "$state/server.properties" >"$state/kafka.log" 2>&1 </dev/null &
  echo $! >"$state/kafka.pid"
  say "started broker (pid $!), log in $state/kafka.log"
fi

if ! port_open "$port"; then
  deadline=$(( $(date +%s) + timeout ))
  until port_open "$port"; do
    pid="$(broker_pid)" || fail "the broker exited before opening 127.0.0.1:$port"
    if [ "$(date +%s)" -ge "$deadline" ]; then
      bash "$here/stop.sh" >/dev/null
      fail "the broker did not open 127.0.0.1:$port within ${timeout}s (stopped it)"
    fi
    sleep 0.2
  done
  say "port $port answers"
fi

node "$here/ensure-topics.js" "127.0.0.1:$port" || fail "the cluster did not become ready"
say "ready on 127.0.0.1:$port"
