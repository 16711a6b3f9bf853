#!/usr/bin/env bash
# Archive benchmark (issue 6): how fast the packaged archive-service archives comments.received,
# next to the raw PostgreSQL insert rate measured in the same run.
#
#   bench/archive/run.sh            (N=200000 to change the number of events; TIMEOUT=600 seconds;
#                                    SERVICE_PROPS='key=value' lines added to the service's configuration)
#
# 1. fills a fresh, prefixed comments.received (6 partitions) with N realistic events
#    (ArchiveBench.java fill: Facebook-shaped raw fragments with their SHA-256, ~12 % edits/removals);
# 2. starts the archive-service jar against a fresh database and measures the sustained rate at which
#    rows appear in record_version, between 10 % and 90 % of N (the poll of count(*) is the clock);
# 3. in the same database, inserts the same rows with a plain JDBC batch (500 rows per transaction,
#    reWriteBatchedInserts, as the service does) into (a) a bare scratch table with record_version's
#    columns and no index or trigger, and (b) record_version itself under new keys: its indexes
#    (full-text GIN, account) and the integrity chain's triggers, without Kafka or the service.
# It starts what it needs: PostgreSQL (deploy/local/db-bootstrap.sh) and the local Kafka broker
# (deploy/local/kafka.sh; stopped afterwards if this script started it).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/bench/archive"
WORK="$HERE/.run"
N="${N:-200000}" TIMEOUT="${TIMEOUT:-600}"
PORT=18084
mkdir -p "$WORK"
cd "$ROOT"

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

deploy/local/db-bootstrap.sh >/dev/null
DB=moderation_bench_archive
runuser -u postgres -- psql -q -v ON_ERROR_STOP=1 -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB" >/dev/null
DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB"

KAFKA_STARTED=false
if ! deploy/local/kafka.sh status >/dev/null 2>&1; then
  deploy/local/kafka.sh start >&2
  KAFKA_STARTED=true
fi
PREFIX="bench-$(date +%s)-"
KAFKA_LIBS="$ROOT/deploy/local/.run/kafka/libs"
for topic in comments.received comments.received.dlq moderation.decisions moderation.decisions.dlq records.culled; do
  java -cp "$KAFKA_LIBS/*" org.apache.kafka.tools.TopicCommand --bootstrap-server 127.0.0.1:9092 --create \
    --if-not-exists --topic "$PREFIX$topic" --partitions 6 --replication-factor 1 >/dev/null
done

JAR="$ROOT/archive-service/target/quarkus-app/quarkus-run.jar"
if [[ ! -f "$JAR" || -n "$(find "$ROOT/archive-service/src" -newer "$JAR" -print -quit)" ]]; then
  log "building archive-service"
  ./mvnw -q -B -o -pl archive-service package -DskipTests
fi
PG_JAR="$(find "$HOME/.m2/repository/org/postgresql/postgresql" -name 'postgresql-*.jar' | sort -V | tail -1)"
CP="$KAFKA_LIBS/*:$PG_JAR"
bench() { java -Xmx1g -cp "$CP" "$HERE/ArchiveBench.java" "$@"; }

RESULTS="$WORK/results.txt"
: >"$RESULTS"
log "filling ${PREFIX}comments.received with $N events"
bench fill 127.0.0.1:9092 "${PREFIX}comments.received" "$N" | tee -a "$RESULTS" >&2

CONFIG="$WORK/archive.properties"
(umask 077 && cat >"$CONFIG" <<PROPS
config_ordinal=265
quarkus.http.port=$PORT
topic.prefix=$PREFIX
quarkus.datasource.jdbc.url=$DB_URL
quarkus.datasource.username=postgres
quarkus.datasource.password=
archive.gallring.cron=off
quarkus.log.level=WARN
${SERVICE_PROPS:-}
PROPS
)
log "starting archive-service on 127.0.0.1:$PORT (it starts consuming at once)"
java -Xms512m -Xmx1g -Dquarkus.config.locations="file:$CONFIG" -jar "$JAR" >"$WORK/archive.log" 2>&1 &
SERVICE_PID=$!
cleanup() {
  kill "$SERVICE_PID" 2>/dev/null && wait "$SERVICE_PID" 2>/dev/null || true
  if [[ "$KAFKA_STARTED" == true ]]; then deploy/local/kafka.sh stop >&2 || true; fi
  runuser -u postgres -- psql -q -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true
}
trap cleanup EXIT
for _ in $(seq 1 240); do
  runuser -u postgres -- psql -d "$DB" -tAc "SELECT 1 FROM pg_tables WHERE tablename = 'record_version'" 2>/dev/null | grep -q 1 && break
  kill -0 "$SERVICE_PID" 2>/dev/null || { tail -40 "$WORK/archive.log"; exit 1; }
  sleep 0.25
done
bench watch "$DB_URL" postgres "" "$N" "$TIMEOUT" | tee -a "$RESULTS" >&2
kill "$SERVICE_PID" 2>/dev/null && wait "$SERVICE_PID" 2>/dev/null || true
CHAIN="$(runuser -u postgres -- psql -d "$DB" -tAc "SELECT count(*) FROM integrity_log")"
DLQ_NOTE="$(grep -c 'dead-letter' "$WORK/archive.log" || true)"

log "reference: the same rows with a plain JDBC batch"
runuser -u postgres -- psql -q -d "$DB" -c "CREATE TABLE bench_raw (LIKE record_version INCLUDING IDENTITY)" >/dev/null
bench raw "$DB_URL" postgres "" "$N" bench_raw raw- | tee -a "$RESULTS" >&2
bench raw "$DB_URL" postgres "" "$N" record_version direct- | tee -a "$RESULTS" >&2

python3 - "$RESULTS" "$N" "$CHAIN" <<'PY'
import sys
rows = {}
for line in open(sys.argv[1]):
    f = dict(kv.split("=", 1) for kv in line.split()[2:])
    rows[line.split()[1] + ("-" + f["table"] if "table" in f else "")] = f
n, chain = int(sys.argv[2]), int(sys.argv[3])
w = rows["watch"]
if w.get("timed_out") == "true":
    print(f"archive-service did not store {n} events in time: {w['stored']} stored"); sys.exit(1)
svc = float(w["sustained_per_s"]); bare = float(rows["raw-bench_raw"]["per_s"]); full = float(rows["raw-record_version"]["per_s"])
print(f"\n{'what':<62}{'rows/s':>10}")
print(f"{'archive-service: comments.received -> record_version (10-90 %)':<62}{svc:>10.0f}")
print(f"{'raw JDBC batch into a bare table (no index, no trigger)':<62}{bare:>10.0f}")
print(f"{'raw JDBC batch into record_version (indexes + chain triggers)':<62}{full:>10.0f}")
print(f"\nservice / bare raw insert:          {svc / bare:.2f}")
print(f"service / raw insert, same table:   {svc / full:.2f}")
print(f"target >= 10000 comments/s sustained: {'met' if svc >= 10000 else 'NOT met'} ({svc:.0f}/s)")
print(f"events {n}, stored {w['stored']}, first-to-last {w['first_to_last_s']} s; integrity log entries after the service run: {chain}")
PY
