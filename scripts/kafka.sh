#!/usr/bin/env bash
# A real Apache Kafka 4.x broker (KRaft, one combined broker+controller) for local
# development and CI, fetched from Maven Central with Maven. No Docker needed.
#
#   scripts/kafka.sh start [--sasl]   start with empty storage on 127.0.0.1:9092
#   scripts/kafka.sh restart          start again on the existing storage and config (for the
#                                     broker-restart fault test: topics and offsets survive)
#   scripts/kafka.sh stop             stop it cleanly (SIGTERM, then SIGKILL after 30 s)
#   scripts/kafka.sh status           exit 0 when the broker answers
#   scripts/kafka.sh tool CLASS ARGS  run a Kafka CLI class with the broker's class path,
#                                     e.g. org.apache.kafka.tools.ProducerPerformance
#   scripts/kafka.sh topics ARGS      shorthand for kafka-topics (TopicCommand)
#
# --sasl adds a SASL_PLAINTEXT listener on 127.0.0.1:9094 with SCRAM-SHA-256/512 and
# PLAIN, and creates the user "warta" (password from KAFKA_SASL_PASSWORD, default
# "warta-secret"). The PLAINTEXT listener on 9092 stays for the other tests.
#
# Jars are cached under $WARTA_CACHE (default ~/.cache/warta), so a second start costs
# seconds. Broker state and logs live in $WARTA_KAFKA_DIR (default <repo>/.kafka); every
# `start` begins with empty storage so that test runs do not see each other's topics.
# WARTA_KAFKA_PORT, WARTA_KAFKA_CONTROLLER_PORT and WARTA_KAFKA_SASL_PORT move the
# listeners off 9092, 9093 and 9094.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/.." && pwd)
kafka_version=$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$here/kafka/pom.xml")
cache=${WARTA_CACHE:-$HOME/.cache/warta}
libs="$cache/kafka-$kafka_version/libs"
state=${WARTA_KAFKA_DIR:-$repo/.kafka}
pidfile="$state/broker.pid"
# Ports can move so that a second broker (a benchmark, a second checkout) can run beside
# the one the tests use.
port=${WARTA_KAFKA_PORT:-9092}
sasl_port=${WARTA_KAFKA_SASL_PORT:-9094}
controller_port=${WARTA_KAFKA_CONTROLLER_PORT:-9093}

log() { echo "kafka.sh: $*" >&2; }

fetch_jars() {
  if [ -f "$libs/.complete" ]; then return; fi
  command -v mvn >/dev/null || { log "mvn not found: install Maven (apt-get install maven)"; exit 1; }
  command -v java >/dev/null || { log "java not found: Kafka $kafka_version needs Java 17+"; exit 1; }
  log "fetching Apache Kafka $kafka_version jars from Maven Central into $libs"
  rm -rf "$libs"; mkdir -p "$libs"
  mvn -q -B -f "$here/kafka/pom.xml" dependency:copy-dependencies \
      -DincludeScope=runtime -DoutputDirectory="$libs"
  touch "$libs/.complete"
}

java_cp() { echo "$libs/*"; }

run_tool() {
  local class=$1; shift
  java -Xmx512m -cp "$(java_cp)" \
       -Dlog4j2.configurationFile="$here/kafka/log4j2.properties" \
       -Dkafka.logs.dir="$state" "$class" "$@"
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

is_running() { [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }

write_config() {
  local sasl=$1
  local listeners="PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$controller_port"
  local advertised="PLAINTEXT://127.0.0.1:$port"
  local protocols="CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT"
  if [ "$sasl" = 1 ]; then
    listeners="$listeners,SASL_PLAINTEXT://127.0.0.1:$sasl_port"
    advertised="$advertised,SASL_PLAINTEXT://127.0.0.1:$sasl_port"
    protocols="$protocols,SASL_PLAINTEXT:SASL_PLAINTEXT"
  fi
  cat > "$state/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$controller_port
controller.listener.names=CONTROLLER
listeners=$listeners
advertised.listeners=$advertised
listener.security.protocol.map=$protocols
inter.broker.listener.name=PLAINTEXT
log.dirs=$state/data
num.partitions=1
auto.create.topics.enable=true
offsets.topic.replication.factor=1
offsets.topic.num.partitions=4
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=4
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
# Allow records up to 16 MiB so that tests can exercise warta's own size limits.
message.max.bytes=16777216
socket.request.max.bytes=209715200
PROPS
  if [ "$sasl" = 1 ]; then
    local pw=${KAFKA_SASL_PASSWORD:-warta-secret}
    cat >> "$state/server.properties" <<PROPS
sasl.enabled.mechanisms=SCRAM-SHA-256,SCRAM-SHA-512,PLAIN
listener.name.sasl_plaintext.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required user_warta="$pw";
listener.name.sasl_plaintext.scram-sha-256.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required;
listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required;
PROPS
  fi
}

start() {
  local sasl=0
  [ "${1:-}" = "--sasl" ] && sasl=1
  if is_running; then log "already running (pid $(cat "$pidfile"))"; return 0; fi
  if port_open "$port"; then log "port $port is taken by another process; stop it first"; exit 1; fi
  fetch_jars
  rm -rf "$state"; mkdir -p "$state/data"
  write_config "$sasl"
  local format_args=(format -t "$(run_tool kafka.tools.StorageTool random-uuid)" -c "$state/server.properties")
  if [ "$sasl" = 1 ]; then
    local pw=${KAFKA_SASL_PASSWORD:-warta-secret}
    # SCRAM credentials are bootstrapped into the metadata log at format time.
    format_args+=(--add-scram "SCRAM-SHA-256=[name=warta,password=$pw]"
                  --add-scram "SCRAM-SHA-512=[name=warta,password=$pw]")
  fi
  run_tool kafka.tools.StorageTool "${format_args[@]}" >"$state/format.log" 2>&1 \
    || { log "storage format failed:"; cat "$state/format.log" >&2; exit 1; }
  launch
}

stop() {
  if ! is_running; then log "not running"; rm -f "$pidfile"; return 0; fi
  local pid; pid=$(cat "$pidfile")
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || { rm -f "$pidfile"; log "stopped"; return 0; }
    sleep 0.5
  done
  log "broker did not stop within 30 s; killing it"
  kill -KILL "$pid" 2>/dev/null || true
  rm -f "$pidfile"
}

# Starts the java process on the existing state directory and waits until it serves.
launch() {
  log "starting Apache Kafka $kafka_version on 127.0.0.1:$port (state in $state)"
  : > "$state/broker.log"
  nohup java -Xms512m -Xmx1g -XX:+UseG1GC -cp "$(java_cp)" \
       -Dlog4j2.configurationFile="$here/kafka/log4j2.properties" \
       -Dkafka.logs.dir="$state" \
       kafka.Kafka "$state/server.properties" >"$state/stdout.log" 2>&1 &
  echo $! > "$pidfile"
  for _ in $(seq 1 120); do
    if ! is_running; then
      log "broker exited during start-up; last lines of its log:"
      tail -n 40 "$state/broker.log" "$state/stdout.log" >&2 || true
      exit 1
    fi
    if port_open "$port" && grep -q "Kafka Server started" "$state/broker.log" 2>/dev/null; then
      log "ready (pid $(cat "$pidfile"))"
      return 0
    fi
    sleep 0.5
  done
  log "broker did not become ready within 60 s"; tail -n 40 "$state/broker.log" >&2 || true
  exit 1
}

restart() {
  if is_running; then log "already running (pid $(cat "$pidfile"))"; return 0; fi
  [ -f "$state/server.properties" ] || { log "no existing broker state in $state; use start"; exit 1; }
  fetch_jars
  launch
}

status() {
  if is_running && port_open "$port"; then log "running (pid $(cat "$pidfile")) on 127.0.0.1:$port"; return 0; fi
  log "not running"; return 1
}

cmd=${1:-}; shift || true
case "$cmd" in
  start) start "$@" ;;
  restart) restart ;;
  stop) stop ;;
  status) status ;;
  fetch) fetch_jars ;;
  tool) fetch_jars; run_tool "$@" ;;
  topics) fetch_jars; run_tool org.apache.kafka.tools.TopicCommand --bootstrap-server "127.0.0.1:$port" "$@" ;;
  *) echo "usage: $0 start [--sasl] | restart | stop | status | fetch | tool CLASS ARGS | topics ARGS" >&2; exit 2 ;;
esac
