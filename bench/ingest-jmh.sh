#!/usr/bin/env bash
# JMH benchmark of the ingest edge's own CPU per signed Facebook delivery (hash, map, wrap, encode;
# no HTTP, no Kafka), with its parts, and the event encoding twice: with the codec's hand-written
# writer and with the generic Jackson databind path (the reference, in the same run).
#
#   bench/ingest-jmh.sh [extra JMH options, e.g. -p changes=1,50 -wi 5 -i 10]
#
# Builds ingest-service (if needed) and bench/ingest-jmh, which is deliberately not a module of the
# root reactor. Complements bench/ingest/run.sh: that one measures the running service under wrk,
# where two shared cores make every figure move by ±20 %; this one isolates the per-comment work.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JMH="$ROOT/bench/ingest-jmh"
cd "$ROOT"

echo "building ingest-service and the JMH module…" >&2
./mvnw -q -B -pl ingest-service -am install -DskipTests >&2
./mvnw -q -B -f "$JMH/pom.xml" package -DskipTests >&2
./mvnw -q -B -f "$JMH/pom.xml" dependency:build-classpath -Dmdep.outputFile="$JMH/target/classpath.txt" >&2

RESULT="$JMH/target/result.json"
java -cp "$JMH/target/classes:$(cat "$JMH/target/classpath.txt")" org.openjdk.jmh.Main \
  DeliveryBenchmark -rf json -rff "$RESULT" "$@"

python3 - "$RESULT" <<'PY'
import json, sys
rows = json.load(open(sys.argv[1]))
by = {}
for r in rows:
    changes = int(r["params"]["changes"])
    by.setdefault(changes, {})[r["benchmark"].rsplit(".", 1)[1]] = r["primaryMetric"]
for changes, m in sorted(by.items()):
    print(f"\none delivery of {changes} Facebook comment changes, single-threaded (µs per delivery, per comment):")
    for name in ("wholeDelivery", "hashAndMap", "referenceReadTree", "encodeWithTheWriter", "encodeWithDatabind"):
        if name in m:
            s = m[name]
            print(f"  {name:<22} {s['score']:>9.1f} ± {s['scoreError']:<7.1f} {s['score'] / changes:>7.2f}")
    if "hashAndMap" in m and "referenceReadTree" in m:
        print(f"  mapping: hashAndMap / Jackson readTree reference = {m['hashAndMap']['score'] / m['referenceReadTree']['score']:.2f}")
    if "encodeWithTheWriter" in m and "encodeWithDatabind" in m:
        print(f"  encoding: writer / databind reference = {m['encodeWithTheWriter']['score'] / m['encodeWithDatabind']['score']:.2f}")
PY
