#!/usr/bin/env bash
# A single-node Apache Kafka 4.1.2 broker (KRaft, combined broker+controller) for this machine,
# run straight from the jars on Maven Central because there is no Docker here.
#
#   deploy/local/kafka.sh start           fetch jars if missing, format storage, start, wait until ready
#   deploy/local/kafka.sh create-topics   create the pipeline topics (+ .dlq) if they do not exist
#   deploy/local/kafka.sh describe        describe the pipeline topics
#   deploy/local/kafka.sh status          running or not
#   deploy/local/kafka.sh stop            stop the broker (SIGTERM, then SIGKILL after 20 s)
#
# Listens on 127.0.0.1:9092 (clients) and 127.0.0.1:9093 (controller). State: deploy/local/.run/kafka/.
# KAFKA_JAVA_OPTS adds JVM options to the broker (e.g. -Xlog:gc:file=... when a benchmark asks why).
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

KAFKA_VERSION=4.1.2
KAFKA_HOST=127.0.0.1
KAFKA_PORT=9092
CONTROLLER_PORT=9093
BOOTSTRAP="$KAFKA_HOST:$KAFKA_PORT"
START_TIMEOUT="${KAFKA_START_TIMEOUT:-60}"
TOPIC_PARTITIONS=6
# Dead letters are kept 30 days (Kafka's default is 7) so they can be re-driven after a fix; the
# services set the same on their .dlq topics at start-up (messaging.dead-letters.retention).
export DLQ_RETENTION_MS="${DLQ_RETENTION_MS:-2592000000}"

KAFKA_DIR="$RUN_DIR/kafka"
LIBS_DIR="$KAFKA_DIR/libs"
DATA_DIR="$KAFKA_DIR/data"
SERVER_PROPS="$KAFKA_DIR/server.properties"
CLUSTER_ID_FILE="$KAFKA_DIR/cluster.id"
LOG4J_CONFIG="$LOCAL_DIR/kafka/log4j2.properties"
KAFKA_LOG="$LOG_DIR/kafka.log"
# The rendered server.properties path is unique to this checkout: it identifies our broker's JVM.
KAFKA_MARKER="$SERVER_PROPS"

TOPICS=(
  comments.received
  comments.classified
  evidence.captured
  platform.commands
  platform.results
  moderation.decisions
  records.culled
  comments.quarantined
  accounts.changed
)

# Classpath: the quoted glob is expanded by the JVM, not by the shell (an unquoted libs/* breaks).
kafka_cp() { printf '%s' "$LIBS_DIR/*"; }

# Run a Kafka command-line tool: small heap and C1 only, because these JVMs live for a second or two.
kafka_tool() {
  java -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Djava.awt.headless=true \
    -Dlog4j2.configurationFile="$LOG4J_CONFIG" -cp "$(kafka_cp)" "$@"
}

fetch_jars() {
  if compgen -G "$LIBS_DIR/kafka_2.13-$KAFKA_VERSION.jar" >/dev/null &&
    compgen -G "$LIBS_DIR/kafka-tools-$KAFKA_VERSION.jar" >/dev/null &&
    compgen -G "$LIBS_DIR/log4j-slf4j-impl-*.jar" >/dev/null; then
    return 0
  fi
  log "Kafka $KAFKA_VERSION jars not found in $LIBS_DIR; fetching them with Maven (about 54 MB on a cold repository)..."
  local tmp="$KAFKA_DIR/libs.tmp" t0
  t0="$(now_ms)"
  rm -rf "$tmp"
  mkdir -p "$KAFKA_DIR"
  # Download into a temp dir and rename at the end, so an interrupted download never looks complete.
  (cd "$ROOT_DIR" && ./mvnw -q -B -f "$LOCAL_DIR/kafka/pom.xml" dependency:copy-dependencies \
    -DoutputDirectory="$tmp" -DincludeScope=runtime) ||
    die "Maven could not fetch the Kafka jars (see the output above)"
  rm -rf "$LIBS_DIR"
  mv "$tmp" "$LIBS_DIR"
  log "fetched $(find "$LIBS_DIR" -name '*.jar' | wc -l) jars ($(du -sh "$LIBS_DIR" | cut -f1)) in $(elapsed_s "$t0") s"
}

render_server_properties() {
  mkdir -p "$DATA_DIR"
  # Every internal topic's replication factor / min.isr must be 1 on a single node, or consumer
  # groups, transactions and share groups do not work.
  cat >"$SERVER_PROPS" <<EOF
# Rendered by deploy/local/kafka.sh on every start; edit the script, not this file.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@$KAFKA_HOST:$CONTROLLER_PORT
listeners=PLAINTEXT://$KAFKA_HOST:$KAFKA_PORT,CONTROLLER://$KAFKA_HOST:$CONTROLLER_PORT
advertised.listeners=PLAINTEXT://$KAFKA_HOST:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$DATA_DIR
num.partitions=1
default.replication.factor=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=true
EOF
}

# The KRaft cluster id is generated once and kept, so the data dir stays valid between runs.
ensure_cluster_id() {
  if [[ -s "$CLUSTER_ID_FILE" ]]; then
    return 0
  fi
  local cid=""
  # Data dir formatted earlier but the id file lost: keep using the id the data was formatted with.
  if [[ -f "$DATA_DIR/meta.properties" ]]; then
    cid="$(sed -n 's/^cluster\.id=//p' "$DATA_DIR/meta.properties")"
  fi
  if [[ -z "$cid" ]]; then
    cid="$(kafka_tool kafka.tools.StorageTool random-uuid | tail -n 1)"
  fi
  [[ -n "$cid" ]] || die "could not generate a Kafka cluster id"
  printf '%s\n' "$cid" >"$CLUSTER_ID_FILE"
}

format_storage() {
  ensure_cluster_id
  local cid out
  cid="$(tr -d '[:space:]' <"$CLUSTER_ID_FILE")"
  # --ignore-formatted makes this a no-op on every start after the first.
  if ! out="$(kafka_tool kafka.tools.StorageTool format -t "$cid" -c "$SERVER_PROPS" --ignore-formatted 2>&1)"; then
    printf '%s\n' "$out" >&2
    die "formatting the Kafka storage in $DATA_DIR failed"
  fi
}

broker_running() { running kafka "$KAFKA_MARKER"; }

# Ready = our JVM logged "Kafka Server started" (the log is rotated on each start) and the port answers.
wait_ready() {
  local pid="$1" t0="$2"
  local deadline=$((SECONDS + START_TIMEOUT))
  while ((SECONDS < deadline)); do
    if ! pid_alive "$pid"; then
      tail_log "$KAFKA_LOG" 60
      die "the Kafka broker (pid $pid) exited during start-up; see $KAFKA_LOG"
    fi
    if grep -q 'Kafka Server started' "$KAFKA_LOG" 2>/dev/null &&
      port_open "$KAFKA_HOST" "$KAFKA_PORT"; then
      log "Kafka is ready on $BOOTSTRAP (pid $pid, $(elapsed_s "$t0") s after launch)"
      return 0
    fi
    sleep 0.5
  done
  tail_log "$KAFKA_LOG" 60
  die "Kafka did not become ready within ${START_TIMEOUT}s (pid $pid still running; stop it with: $0 stop)"
}

cmd_start() {
  ensure_run_dirs
  if broker_running; then
    log "Kafka is already running (pid $(read_pid kafka)) on $BOOTSTRAP"
    port_open "$KAFKA_HOST" "$KAFKA_PORT" || wait_ready "$(read_pid kafka)" "$(now_ms)"
    return 0
  fi
  local p owner
  for p in "$KAFKA_PORT" "$CONTROLLER_PORT"; do
    if port_open "$KAFKA_HOST" "$p"; then
      owner="$(port_owner "$p")"
      die "port $KAFKA_HOST:$p is already in use by another process${owner:+ ($owner)}, not by this stack's broker. Stop it first, or it may be a Kafka started outside deploy/local."
    fi
  done
  command -v java >/dev/null || die "java not found on PATH (Java 17+ is needed)"

  fetch_jars
  render_server_properties
  local t_format
  t_format="$(now_ms)"
  format_storage
  log "storage ready in $DATA_DIR ($(elapsed_s "$t_format") s, cluster id $(cat "$CLUSTER_ID_FILE"))"

  # Keep one previous log; the readiness check only looks at what this start writes.
  [[ -f "$KAFKA_LOG" ]] && mv -f "$KAFKA_LOG" "$KAFKA_LOG.1"
  : >"$KAFKA_LOG"
  local t0
  t0="$(now_ms)"
  start_bg kafka "$KAFKA_LOG" \
    java -Xms512m -Xmx1g -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -Djava.awt.headless=true ${KAFKA_JAVA_OPTS:-} \
    -Dlog4j2.configurationFile="$LOG4J_CONFIG" -cp "$(kafka_cp)" kafka.Kafka "$SERVER_PROPS"
  log "Kafka starting (pid $(read_pid kafka)), log: $KAFKA_LOG"
  wait_ready "$(read_pid kafka)" "$t0"
}

require_broker() {
  broker_running || port_open "$KAFKA_HOST" "$KAFKA_PORT" ||
    die "no Kafka broker answers on $BOOTSTRAP; run: $0 start"
  [[ -d "$LIBS_DIR" ]] || die "Kafka jars missing in $LIBS_DIR; run: $0 start"
}

all_topics() {
  local t
  for t in "${TOPICS[@]}"; do
    printf '%s\n%s.dlq\n' "$t" "$t"
  done
}

# Kafka warns about '.' in topic names on every create; our names use dots only, so drop that line.
quiet_topic_output() { grep -v "Due to limitations in metric names" || true; }

cmd_create_topics() {
  require_broker
  local existing missing=() t out
  # One --list first, so a repeated run costs one tool JVM and creates nothing.
  existing="$(kafka_tool org.apache.kafka.tools.TopicCommand --bootstrap-server "$BOOTSTRAP" --list)" ||
    die "could not list the topics on $BOOTSTRAP"
  while IFS= read -r t; do
    grep -qxF -- "$t" <<<"$existing" || missing+=("$t")
  done < <(all_topics)
  if ((${#missing[@]} == 0)); then
    log "all $(all_topics | wc -l) topics already exist"
    return 0
  fi
  log "creating ${#missing[@]} topic(s) with $TOPIC_PARTITIONS partitions, replication factor 1"
  # Fast path: TopicCommand --create --if-not-exists for all topics in one JVM (about 3 s instead
  # of about 2 s per topic). --if-not-exists keeps it safe if something created a topic meanwhile.
  if out="$(kafka_tool "$LOCAL_DIR/kafka/CreateTopics.java" "$BOOTSTRAP" "$TOPIC_PARTITIONS" "${missing[@]}" 2>&1)"; then
    quiet_topic_output <<<"$out"
  else
    quiet_topic_output <<<"$out" >&2
    warn "the one-JVM topic helper failed; creating the topics one TopicCommand at a time"
    for t in "${missing[@]}"; do
      local extra=()
      [[ "$t" == *.dlq ]] && extra=(--config "retention.ms=$DLQ_RETENTION_MS")
      out="$(kafka_tool org.apache.kafka.tools.TopicCommand --bootstrap-server "$BOOTSTRAP" --create \
        --if-not-exists --topic "$t" --partitions "$TOPIC_PARTITIONS" --replication-factor 1 "${extra[@]}" 2>&1)" || {
        printf '%s\n' "$out" >&2
        die "could not create topic $t"
      }
      quiet_topic_output <<<"$out"
    done
  fi
  log "topics ready"
}

cmd_describe() {
  require_broker
  local regex
  regex="^($(all_topics | sed 's/\./\\./g' | paste -sd '|'))$"
  kafka_tool org.apache.kafka.tools.TopicCommand --bootstrap-server "$BOOTSTRAP" --describe \
    --topic "$regex"
}

cmd_status() {
  if broker_running; then
    log "Kafka is running (pid $(read_pid kafka)) on $BOOTSTRAP"
  else
    log "Kafka is not running"
    return 3
  fi
}

cmd_stop() {
  if ! broker_running; then
    rm -f "$PID_DIR/kafka.pid"
    log "Kafka is not running"
    return 0
  fi
  stop_pids "$STOP_TIMEOUT" "kafka:$KAFKA_MARKER"
  log "Kafka stopped"
}

case "${1:-}" in
start) cmd_start ;;
create-topics) cmd_create_topics ;;
describe) cmd_describe ;;
status) cmd_status ;;
stop) cmd_stop ;;
*)
  echo "usage: $0 {start|create-topics|describe|status|stop}" >&2
  exit 2
  ;;
esac
