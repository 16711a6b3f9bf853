#!/usr/bin/env bash
# Evidence capture benchmark: p50 and p95 seconds per full-page screenshot (real headless Chromium,
# the archive-service's reused browser session, against a local fake platform page on 127.0.0.1)
# and per PDF/A-2b rendition (PDFBox), each next to a reference measured in the same run (the same
# session and capture path on an empty page; PDFBox saving an empty page) and the ratio.
#
#   bench/archive/evidence.sh [N] [WARMUP]      default N=30 per row, WARMUP=5
#
# Builds only archive-service's classes (offline when the dependencies are already there).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

deploy/local/chromium.sh >/dev/null
CP_FILE="$(mktemp)"
trap 'rm -f "$CP_FILE"' EXIT
MVN=(./mvnw -B -q -pl archive-service)
"${MVN[@]}" -o test-compile dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test >/dev/null 2>&1 ||
  "${MVN[@]}" test-compile dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test >/dev/null
exec java -cp "archive-service/target/test-classes:archive-service/target/classes:$(cat "$CP_FILE")" \
  se.kommun.moderation.archive.evidence.bench.EvidenceBench "$@"
