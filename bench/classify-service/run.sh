#!/usr/bin/env bash
# Kafka → Kafka throughput of the packaged classification-service (issue 4), with Kafka's own
# consume+produce rate for the same records as the reference in the same run, and the ratio.
#
#   bench/classify-service/run.sh [--records=200000] [--max-poll-records=500] [--linger-ms=5]
#                                 [--batch-size=131072] [--compression=none] [--fetch-min-bytes=1]
#                                 [--fetch-max-wait-ms=500] [--service-java-opts="-Xms512m -Xmx1g"]
#                                 [--consumers=1] [--service.<any service property>=value] [--bootstrap=host:port]
#
# Starts a real KRaft broker inside the driver JVM on free loopback ports (test-kit's EmbeddedKafka;
# no clash with a broker of deploy/local on 9092), fills <prefix>comments.received with N
# CommentReceived events built from the corpora texts, copies them once with a plain consumer →
# producer (the reference), then starts the packaged service jar on the same topics with the same
# settings and times it until all N classifications are on <prefix>comments.classified, and checks
# them (one per input, derived eventIds, nothing dead-lettered). The tuning options apply to both.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/bench/classify-service"
WORK="$HERE/.run"
MODULE="$ROOT/classification-service"
JAR="$MODULE/target/quarkus-app/quarkus-run.jar"
mkdir -p "$WORK"
cd "$ROOT"

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# Only this module is built (offline when the repository has what it needs): never the reactor.
if [[ ! -f "$JAR" || -n "$(find "$MODULE/src/main" "$MODULE/pom.xml" -newer "$JAR" -type f -print -quit)" ]]; then
  log "packaging classification-service"
  ./mvnw -q -B -o -pl classification-service package -DskipTests >&2
fi
if [[ ! -f "$HERE/target/classes/se/kommun/moderation/bench/classifyservice/ClassifyServiceBench.class" ||
  -n "$(find "$HERE/src" "$HERE/pom.xml" -newer "$HERE/target/classpath.txt" -type f -print -quit 2>/dev/null)" ||
  ! -f "$HERE/target/classpath.txt" ]]; then
  log "building the benchmark driver"
  ./mvnw -q -B -o -f "$HERE/pom.xml" package -DskipTests >&2
  ./mvnw -q -B -o -f "$HERE/pom.xml" dependency:build-classpath -Dmdep.outputFile="$HERE/target/classpath.txt" >&2
fi

CORPORA="$ROOT/../shared/corpus/dev-comments.jsonl"
for c in "$MODULE"/src/test/resources/corpus/*.jsonl; do CORPORA="$CORPORA,$c"; done

exec java -Xms1g -Xmx2g -cp "$HERE/target/classes:$(cat "$HERE/target/classpath.txt")" \
  se.kommun.moderation.bench.classifyservice.ClassifyServiceBench \
  --jar="$JAR" --work="$WORK" --corpora="$CORPORA" "$@"
