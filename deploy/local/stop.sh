#!/usr/bin/env bash
# Stops whatever a deploy/local/run.sh run left behind, using the pid files in deploy/local/.run/pids/:
# a still running run.sh first (its own clean-up stops everything in order), then any service JVM,
# then Kafka. Processes are SIGTERMed, given 20 s, then SIGKILLed. Safe to run when nothing runs.
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

SERVICES=(ingest-service classification-service case-service archive-service)

# A live run.sh: ask it to shut down (SIGTERM runs its trap) and give it time for the services
# and Kafka (2 x 20 s at worst).
run_pid="$(read_pid run)"
if [[ -n "$run_pid" ]] && pid_matches "$run_pid" run.sh; then
  log "asking run.sh (pid $run_pid) to shut down"
  kill -TERM "$run_pid" 2>/dev/null || true
  deadline=$((SECONDS + 2 * STOP_TIMEOUT + 10))
  while pid_alive "$run_pid" && ((SECONDS < deadline)); do
    sleep 0.5
  done
  pid_alive "$run_pid" && warn "run.sh (pid $run_pid) is still running; stopping its processes directly"
fi
rm -f "$PID_DIR/run.pid"

# Leftovers (run.sh killed with SIGKILL, terminal closed, ...).
entries=()
for s in "${SERVICES[@]}"; do
  entries+=("$s:$SERVICES_ROOT/$s/target/quarkus-app/quarkus-run.jar")
done
stop_pids "$STOP_TIMEOUT" "${entries[@]}"
"$LOCAL_DIR/kafka.sh" stop
log "nothing of the local stack is running any more"
