#!/usr/bin/env bash
# Runs every test of the project: unit tests, @QuarkusTest against a real in-process Kafka broker and
# real PostgreSQL, and the end-to-end test that starts the four packaged services as their own JVMs.
#
#   deploy/local/test.sh [extra Maven arguments]
#
# It needs only a JDK 17 and a PostgreSQL server (the local Debian cluster is started if it is
# down; TEST_DB_ADMIN_URL, TEST_DB_USER and TEST_DB_PASSWORD point the tests at another server).
# Set KAFKA_BOOTSTRAP_SERVERS to run against your own broker instead of the in-process one.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

if [[ -z "${TEST_DB_ADMIN_URL:-}" ]]; then
  deploy/local/db-bootstrap.sh
fi
deploy/local/chromium.sh # the archive-service evidence tests drive a real headless Chromium
exec ./mvnw -B verify "$@"
