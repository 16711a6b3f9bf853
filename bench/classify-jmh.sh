#!/usr/bin/env bash
# JMH benchmark of the Swedish classifier: classify() single-threaded over the texts of a corpus
# (default: the shared dev set), with the bundled model and with the rules alone, with a reference in
# the same run (JDK NFKC + lower case of the same texts) and the ratios — the machines are shared,
# only ratios compare; and the model's scorer against Tribuo's predict of the same weights.
#
#   bench/classify-jmh.sh [CORPUS.jsonl] [extra JMH options, e.g. -wi 5 -i 10]
#
# Builds classification-service (if needed) and bench/classify-jmh, which is deliberately not a
# module of the root reactor.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CORPUS="${1:-$ROOT/../shared/corpus/dev-comments.jsonl}"
[[ $# -gt 0 ]] && shift
CORPUS="$(cd "$(dirname "$CORPUS")" && pwd)/$(basename "$CORPUS")"
JMH="$ROOT/bench/classify-jmh"
cd "$ROOT"

echo "building classification-service and the JMH module…" >&2
./mvnw -q -B -pl classification-training -am install -DskipTests >&2
./mvnw -q -B -f "$JMH/pom.xml" package -DskipTests >&2
./mvnw -q -B -f "$JMH/pom.xml" dependency:build-classpath -Dmdep.outputFile="$JMH/target/classpath.txt" >&2

RESULT="$JMH/target/result.json"
java -cp "$JMH/target/classes:$(cat "$JMH/target/classpath.txt")" org.openjdk.jmh.Main \
  ClassifyBenchmark -p corpus="$CORPUS" -p trainingCorpus="$ROOT/classification-service/corpus/train" \
  -rf json -rff "$RESULT" "$@"

python3 - "$RESULT" <<'PY'
import json, sys
results = {r["benchmark"].rsplit(".", 1)[1]: r["primaryMetric"] for r in json.load(open(sys.argv[1]))}
c, rules, ref = results["classify"], results["classifyRulesOnly"], results["referenceNfkcLowerCase"]
ours, tribuo = results["scoreModel"], results["scoreModelWithTribuo"]
print()
print(f"classify() with the model:  {c['score']:>12,.0f} comments/s  (± {c['scoreError']:,.0f})")
print(f"classify() rules alone:     {rules['score']:>12,.0f} comments/s  (± {rules['scoreError']:,.0f})")
print(f"reference (NFKC+lowercase): {ref['score']:>12,.0f} texts/s     (± {ref['scoreError']:,.0f})")
print(f"ratio classify/reference:   {c['score'] / ref['score']:.3f} with the model, {rules['score'] / ref['score']:.3f} rules alone")
print(f"model scoring, ours:        {ours['score']:>12,.0f} /s; Tribuo predict of the same weights {tribuo['score']:,.0f} /s;"
      f" ratio {ours['score'] / tribuo['score']:.2f}")
PY
