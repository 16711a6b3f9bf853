#!/usr/bin/env bash
# Trains the classifier's model (multinomial logistic regression with Tribuo) from the labelled
# corpus and writes it into classification-service's resources, where the service and
# bench/classify-eval.sh pick it up. Seeded: the same corpus, rules and settings give the same file.
#
#   bench/classify-train.sh [--out FILE] [TrainModel options] [CORPUS.jsonl|DIR ...]
#
# Default corpus: classification-service/corpus/train (each file one writer; the run holds each
# writer out in turn to calibrate and to choose the thresholds). A municipality adds its own
# moderators' decisions as one more file (GET /quality/export on case-service) and names
# the result in classification.model.path.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MODULE="$ROOT/classification-training"
OUT="$ROOT/classification-service/src/main/resources/model/route-model.bin.gz"
ARGS=()
CORPUS=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --out) OUT="$2"; shift 2 ;;
    --*) ARGS+=("$1" "$2"); shift 2 ;;
    *) CORPUS+=("$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"); shift ;;
  esac
done
[[ ${#CORPUS[@]} -eq 0 ]] && CORPUS=("$ROOT/classification-service/corpus/train")
case "$OUT" in /*) ;; *) OUT="$PWD/$OUT" ;; esac

cd "$ROOT"
echo "building classification-training…" >&2
./mvnw -q -B -pl classification-training -am install -DskipTests >&2
./mvnw -q -B -pl classification-training dependency:build-classpath -Dmdep.outputFile="$MODULE/target/classpath.txt" >&2
exec java -Xmx4g -cp "$MODULE/target/classes:$(cat "$MODULE/target/classpath.txt")" \
  -Djava.util.logging.config.file=/dev/null \
  se.kommun.moderation.classification.training.TrainModel --out "$OUT" "${ARGS[@]}" "${CORPUS[@]}"
