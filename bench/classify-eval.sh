#!/usr/bin/env bash
# Evaluates the REAL classifier (classification-service's domain code) on a corpus of JSON lines
# of the dev-set form {id, platform, text, route, subtype, needs_response}: per-route precision,
# recall and F1, macro-F1, needs_response and subtype accuracy, the confusion matrix, and a warm
# single-threaded timing of classify(). Lines without labels are only predicted.
#
#   bench/classify-eval.sh CORPUS.jsonl [PREDICTIONS.jsonl] [--errors] [--rules DIR] [--no-timing] [--seconds N]
#
# PREDICTIONS.jsonl gets one line per comment: id, route, subtype, confidence, needs_response,
# flags, rule_set_version, reasons (detector, route, subtype, start, end, weight, span).
# Builds the module when its classes are missing or older than its sources.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MODULE="$ROOT/classification-service"
CLASSES="$MODULE/target/classes"
CP_FILE="$MODULE/target/eval-classpath.txt"
STAMP="$MODULE/target/.classify-eval-built"

if [[ $# -lt 1 ]]; then
  sed -n '2,10p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
  exit 2
fi

stale() {
  [[ ! -f "$STAMP" || ! -f "$CLASSES/se/kommun/moderation/classification/eval/ClassifyEval.class" ]] && return 0
  [[ -n "$(find "$MODULE/src/main" "$MODULE/pom.xml" -newer "$STAMP" -type f -print -quit)" ]]
}

cd "$ROOT"
if stale; then
  echo "building classification-service…" >&2
  ./mvnw -q -B -pl classification-service -am install -DskipTests >&2
  touch "$STAMP"
fi
if [[ ! -s "$CP_FILE" || "$MODULE/pom.xml" -nt "$CP_FILE" ]]; then
  ./mvnw -q -B -pl classification-service dependency:build-classpath -Dmdep.outputFile="$CP_FILE" >&2
fi

exec java -XX:+UseParallelGC -cp "$CLASSES:$(cat "$CP_FILE")" \
  se.kommun.moderation.classification.eval.ClassifyEval "$@"
