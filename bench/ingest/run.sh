#!/usr/bin/env bash
# Ingest benchmark (issue 3): drives the packaged ingest-service with wrk, using signed Facebook
# batches of 1 and of 50 comment changes, and in the same run a reference: the same HTTP stack
# publishing the raw body to Kafka with acks=all and no verification or mapping. Prints events/s and
# p50/p99 latency per case and the ratios against the reference. A third case, the contract's floor,
# publishes per request the events the contract requires for such a batch (mapped and encoded ahead
# of time), so the table separates what the event contract costs from what the edge's code costs.
#
#   bench/ingest/run.sh            (WARMUP=60 DURATION=20 RUNS=3 CONNECTIONS=64 THREADS=2 to tune;
#                                   BATCHES="1 50" picks the batch sizes measured;
#                                   PACED_RATE=500 is the offered requests/s of the paced cases, 0 skips them;
#                                   SERVICE_JAVA_OPTS adds JVM options, e.g. a JFR recording;
#                                   SERVICE_PROPS adds lines to the service's configuration)
#
# It starts what it needs: PostgreSQL (deploy/local/db-bootstrap.sh), the local Kafka broker
# (deploy/local/kafka.sh; stopped afterwards if this script started it) and the ingest-service on
# 127.0.0.1:18081 with a fresh database. wrk comes from Debian's package, installed when missing.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/bench/ingest"
WORK="$HERE/.run"
WARMUP="${WARMUP:-60}" DURATION="${DURATION:-20}" RUNS="${RUNS:-3}"
CONNECTIONS="${CONNECTIONS:-64}" THREADS="${THREADS:-2}" BATCHES="${BATCHES:-1 50}"
PACED_RATE="${PACED_RATE:-500}"
PORT=18081
PAGE=bench-page
mkdir -p "$WORK"
cd "$ROOT"

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

if ! command -v wrk >/dev/null; then
  log "installing wrk (Debian package)"
  apt-get update -qq >/dev/null && apt-get install -y -qq wrk >/dev/null
fi

deploy/local/db-bootstrap.sh >/dev/null
DB=moderation_bench_ingest
runuser -u postgres -- psql -q -v ON_ERROR_STOP=1 -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB" >/dev/null

KAFKA_STARTED=false
if ! deploy/local/kafka.sh status >/dev/null 2>&1; then
  deploy/local/kafka.sh start >&2
  KAFKA_STARTED=true
fi
deploy/local/kafka.sh create-topics >&2
PREFIX="bench-$(date +%s)-"
KAFKA_LIBS="$ROOT/deploy/local/.run/kafka/libs"
for topic in comments.received comments.quarantined bench.reference; do
  java -cp "$KAFKA_LIBS/*" org.apache.kafka.tools.TopicCommand --bootstrap-server 127.0.0.1:9092 --create \
    --if-not-exists --topic "$PREFIX$topic" --partitions 6 --replication-factor 1 >/dev/null
done

# A build of its own: the reference endpoints exist only in a jar built with ingest.bench.endpoints,
# never in the production jar (target/quarkus-app).
JAR="$ROOT/ingest-service/target/quarkus-bench-app/quarkus-run.jar"
# Rebuilt when the service's sources are newer than the jar: a stale jar would measure old code.
if [[ ! -f "$JAR" || -n "$(find ingest-service/src/main ingest-service/pom.xml -newer "$JAR" -type f -print -quit)" ]]; then
  log "building ingest-service with the benchmark's endpoints"
  ./mvnw -q -B -pl ingest-service -am package -DskipTests -Dingest.bench.endpoints=true \
    -Dquarkus.package.output-directory=quarkus-bench-app
fi

SECRET="$(openssl rand -hex 24)"
ADMIN_PW="$(openssl rand -hex 12)"
CONFIG="$WORK/ingest.properties"
(umask 077 && cat >"$CONFIG" <<PROPS
config_ordinal=265
quarkus.http.port=$PORT
topic.prefix=$PREFIX
ingest.meta.app-secret=$SECRET
quarkus.http.auth.permission.bench.paths=/bench/*
quarkus.http.auth.permission.bench.policy=permit
mp.messaging.outgoing."bench.reference".connector=smallrye-kafka
mp.messaging.outgoing."bench.reference".topic=${PREFIX}bench.reference
mp.messaging.outgoing."bench.reference".key.serializer=org.apache.kafka.common.serialization.StringSerializer
mp.messaging.outgoing."bench.reference".value.serializer=org.apache.kafka.common.serialization.ByteArraySerializer
mp.messaging.outgoing."bench.reference".acks=all
mp.messaging.outgoing."bench.reference".enable.idempotence=true
mp.messaging.outgoing."bench.reference".linger.ms=1
mp.messaging.outgoing."bench.reference".batch.size=262144
mp.messaging.outgoing."bench.reference".compression.type=snappy
mp.messaging.outgoing."bench.reference".delivery.timeout.ms=10000
mp.messaging.outgoing."bench.reference".request.timeout.ms=5000
mp.messaging.outgoing."bench.reference".max.block.ms=5000
quarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:5432/$DB
quarkus.datasource.username=postgres
quarkus.datasource.password=
quarkus.security.users.embedded.users.bench=$ADMIN_PW
quarkus.security.users.embedded.roles.bench=admin
quarkus.log.level=WARN
${SERVICE_PROPS:-}
PROPS
)
log "starting ingest-service on 127.0.0.1:$PORT"
java -Xms512m -Xmx1g ${SERVICE_JAVA_OPTS:-} -Dquarkus.config.locations="file:$CONFIG" -jar "$JAR" >"$WORK/ingest.log" 2>&1 &
SERVICE_PID=$!
cleanup() {
  kill "$SERVICE_PID" 2>/dev/null && wait "$SERVICE_PID" 2>/dev/null || true
  if [[ "$KAFKA_STARTED" == true ]]; then deploy/local/kafka.sh stop >&2 || true; fi
  runuser -u postgres -- psql -q -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true
}
trap cleanup EXIT
for _ in $(seq 1 120); do
  curl -sf -o /dev/null "http://127.0.0.1:$PORT/q/health/ready" && break
  kill -0 "$SERVICE_PID" 2>/dev/null || { tail -40 "$WORK/ingest.log"; exit 1; }
  sleep 0.5
done

# The page is an account like any other: registered, checklist done, opened.
BASE="http://127.0.0.1:$PORT"
ID="$(curl -sf -u "bench:$ADMIN_PW" -H 'Content-Type: application/json' -X POST "$BASE/accounts" \
  -d "{\"platform\":\"facebook\",\"externalId\":\"$PAGE\",\"name\":\"Bench\",\"owningUnit\":\"Bench\",\"responsible\":[\"A\",\"B\"]}" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')"
for item in $(python3 -c 'print(" ".join(["SYFTE","MAL","BUDSKAP","MALGRUPP","KANAL","TYP_AV_KONTO","AVTAL","FUNKTION_OCH_TEKNIK","RESURSER","BEVAKNING","AVSANDARE","RISKER","DIARIEFORING_GALLRING_ARKIVERING","KRISKOMMUNIKATION","MARKNADSFORING","INFORMATIONSKRAV","MEDDELA_INFOAVDELNINGEN"]))'); do
  curl -sf -o /dev/null -u "bench:$ADMIN_PW" -X PUT "$BASE/accounts/$ID/checklist/$item"
done
curl -sf -o /dev/null -u "bench:$ADMIN_PW" -X POST "$BASE/accounts/$ID/activate"
sleep 1 # the directory reloads after the activation commits; a request before that would be refused

python3 "$HERE/make_bodies.py" "$SECRET" "$PAGE" 1 2000 "$WORK/batch-1.txt"
python3 "$HERE/make_bodies.py" "$SECRET" "$PAGE" 50 200 "$WORK/batch-50.txt"

BROKER_PID="$(cat deploy/local/.run/pids/kafka.pid 2>/dev/null || true)"
# cpu_ticks <pid>: user+system clock ticks the process has used so far (0 when it is not there).
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
TICKS_PER_S="$(getconf CLK_TCK)"

# run <name> <path> <bodies> <signature header> <events per request> <seconds> [pause ms]: prints one
# RESULT line, with the CPU the service and the broker spent during the run (the low-noise figure on a
# shared machine: latency at saturation moves with whatever else runs, CPU per request much less).
run_wrk() {
  local svc0 brk0 result
  svc0="$(cpu_ticks "$SERVICE_PID")" brk0="$(cpu_ticks "${BROKER_PID:-0}")"
  result="$(PACE_MS="${7:-}" BODIES="$3" SIGNATURE_HEADER="$4" wrk -t"$THREADS" -c"$CONNECTIONS" -d"${6}s" \
    --timeout 10s -s "$HERE/signed-post.lua" "$BASE$2" | grep '^RESULT')"
  printf '%s service_cpu_ms=%d broker_cpu_ms=%d\n' \
    "${result/#RESULT/RESULT case=$1 events_per_request=$5}" \
    "$((($(cpu_ticks "$SERVICE_PID") - svc0) * 1000 / TICKS_PER_S))" \
    "$((($(cpu_ticks "${BROKER_PID:-0}") - brk0) * 1000 / TICKS_PER_S))"
}

log "warm-up: ${WARMUP}s of mixed load (the JIT needs a minute on 2 cores)"
half=$((WARMUP / 2))
run_wrk warmup /webhooks/meta "$WORK/batch-1.txt" X-Hub-Signature-256 1 "$half" >/dev/null
run_wrk warmup /bench/reference "$WORK/batch-1.txt" "" 1 "$((WARMUP - half))" >/dev/null

# The contract floor maps and encodes its pool of events on its first request of each size: not in a run.
for n in $BATCHES; do
  curl -sf -o /dev/null -X POST -H 'Content-Type: application/json' -d '{}' "$BASE/bench/contract-floor?events=$n"
done

RESULTS="$WORK/results.txt"
: >"$RESULTS"
for r in $(seq 1 "$RUNS"); do
  log "run $r/$RUNS"
  for n in $BATCHES; do
    run_wrk "reference-$n" /bench/reference "$WORK/batch-$n.txt" "" "$n" "$DURATION" >>"$RESULTS"
    run_wrk "floor-$n" "/bench/contract-floor?events=$n" "$WORK/batch-$n.txt" "" "$n" "$DURATION" >>"$RESULTS"
    run_wrk "facebook-$n" /webhooks/meta "$WORK/batch-$n.txt" X-Hub-Signature-256 "$n" "$DURATION" >>"$RESULTS"
    if ((PACED_RATE > 0)); then
      # The same connections, each pausing between requests: both sides get the same offered load.
      pause=$((CONNECTIONS * 1000 / PACED_RATE))
      run_wrk "paced-reference-$n" /bench/reference "$WORK/batch-$n.txt" "" "$n" "$DURATION" "$pause" >>"$RESULTS"
      run_wrk "paced-facebook-$n" /webhooks/meta "$WORK/batch-$n.txt" X-Hub-Signature-256 "$n" "$DURATION" \
        "$pause" >>"$RESULTS"
    fi
  done
done

python3 - "$RESULTS" "$BATCHES" "$PACED_RATE" <<'PY'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    f = dict(kv.split("=") for kv in line.split()[1:])
    rows.setdefault(f["case"], []).append(f)
batches = sys.argv[2].split()
def med(case, key):
    return statistics.median(float(r[key]) for r in rows[case])
def stats(case):
    reqs = statistics.median(int(r["requests"]) / (int(r["duration_us"]) / 1e6) for r in rows[case])
    epr = int(rows[case][0]["events_per_request"])
    bad = sum(int(r["non2xx"]) + int(r["errors"]) for r in rows[case])
    return reqs, reqs * epr, med(case, "p50_us") / 1000, med(case, "p99_us") / 1000, bad
# events/s counts the comments a request carries: the reference puts all n of them on the broker in
# one record, the service maps and publishes n events.
print(f"\n{'case':<14}{'req/s':>10}{'comments/s':>12}{'p50 ms':>9}{'p99 ms':>9}{'non-2xx/err':>13}")
s = {c: stats(c) for n in batches for c in ("reference-" + n, "floor-" + n, "facebook-" + n)}
for c, (rq, ev, p50, p99, bad) in s.items():
    print(f"{c:<14}{rq:>10.0f}{ev:>12.0f}{p50:>9.2f}{p99:>9.2f}{bad:>13}")
def ratio(case, reference, key):
    """The median over the runs of the case's figure over the reference's in the same run."""
    return statistics.median(float(a[key]) / float(b[key]) for a, b in zip(rows[case], rows[reference]))
print("\nratios against the reference in the same run (medians of the runs):")
for n in batches:
    f, r = "facebook-" + n, "reference-" + n
    print(f"  batch of {n:>2}: comments/s {ratio(f, r, 'requests'):.2f} x reference (target >= 0.80);"
          f" p99 {ratio(f, r, 'p99_us'):.2f} x reference (target <= 2.00)")
print("\nthe contract's floor (the events the contract requires, mapped and encoded ahead of time, published"
      " per request with none of the edge's work), against the reference and against the edge:")
for n in batches:
    f, r, c = "facebook-" + n, "reference-" + n, "floor-" + n
    print(f"  batch of {n:>2}: floor comments/s {ratio(c, r, 'requests'):.2f} x reference, p99 {ratio(c, r, 'p99_us'):.2f} x"
          f" reference; the edge: comments/s {ratio(f, c, 'requests'):.2f} x floor, p99 {ratio(f, c, 'p99_us'):.2f} x floor")
def cpu_us(case, key):
    """CPU microseconds per request, the median over the runs."""
    return statistics.median(float(r[key]) * 1000 / int(r["requests"]) for r in rows[case])
print("\nCPU per request (medians of the runs; the service and the broker share this machine's cores):")
print(f"{'case':<14}{'service us':>12}{'broker us':>11}")
for c in s:
    print(f"{c:<14}{cpu_us(c, 'service_cpu_ms'):>12.0f}{cpu_us(c, 'broker_cpu_ms'):>11.0f}")
def cpu_ratio(case, reference, key):
    # The broker's figure is 0 when this script did not find its pid (a broker started elsewhere).
    base = cpu_us(reference, key)
    return f"{cpu_us(case, key) / base:.2f} x reference" if base > 0 else "not measured"
for n in batches:
    f, r = "facebook-" + n, "reference-" + n
    print(f"  batch of {n:>2}: service {cpu_ratio(f, r, 'service_cpu_ms')}, broker {cpu_ratio(f, r, 'broker_cpu_ms')}")
    c = "floor-" + n
    print(f"  contract floor, batch of {n:>2}: service {cpu_ratio(c, r, 'service_cpu_ms')},"
          f" broker {cpu_ratio(c, r, 'broker_cpu_ms')}")
paced = [n for n in batches if "paced-facebook-" + n in rows]
if paced:
    print(f"\nat the same offered load ({sys.argv[3]} requests/s, below both sides' saturation), latency is"
          " service time rather than queueing:")
    print(f"{'case':<22}{'req/s':>10}{'p50 ms':>9}{'p99 ms':>9}{'non-2xx/err':>13}")
    for n in paced:
        for c in ("paced-reference-" + n, "paced-facebook-" + n):
            rq, _, p50, p99, bad = stats(c)
            print(f"{c:<22}{rq:>10.0f}{p50:>9.2f}{p99:>9.2f}{bad:>13}")
        f, r = "paced-facebook-" + n, "paced-reference-" + n
        print(f"  batch of {n:>2}: p50 {ratio(f, r, 'p50_us'):.2f} x reference; p99 {ratio(f, r, 'p99_us'):.2f} x reference")
PY
