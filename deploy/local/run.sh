#!/usr/bin/env bash
# Runs the whole moderation pipeline on this machine, in the foreground:
# local PostgreSQL + a local Kafka broker + the four services (ingest 8081, classification 8082,
# case 8083, archive 8084). Ctrl-C (or SIGTERM) stops the services, then Kafka, and leaves nothing behind.
#
#   deploy/local/run.sh [--no-build] [--demo]
#     --no-build   use the already built service jars (<module>/target/quarkus-app/quarkus-run.jar)
#     --demo       once everything is up, post a few signed demo comments and list the cases
#
# State (jars, data, logs, generated secrets) lives in deploy/local/.run/ (gitignored).
# Leftovers from a killed run: deploy/local/stop.sh
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

T_START="$(now_ms)"

# Started in the background by a non-interactive shell (`run.sh &`, `setsid run.sh &` in a script),
# bash inherits SIGINT as "ignored" and cannot trap it, so `kill -INT` would do nothing. Re-exec once
# with the default disposition (GNU env --default-signal, coreutils >= 8.31) so the INT trap works.
if [[ -z "${MODERATION_RUN_SIGRESET:-}" ]] && sigint_ignored && env --default-signal=INT true 2>/dev/null; then
  exec env --default-signal=INT MODERATION_RUN_SIGRESET=1 "$BASH" "$0" "$@"
fi
unset MODERATION_RUN_SIGRESET

BUILD=true
DEMO=false
for arg in "$@"; do
  case "$arg" in
  --no-build) BUILD=false ;;
  --demo) DEMO=true ;;
  -h | --help)
    sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'
    exit 0
    ;;
  *) die "unknown argument: $arg (see $0 --help)" ;;
  esac
done

# module:port, in start order.
SERVICES=(ingest-service:8081 classification-service:8082 case-service:8083 archive-service:8084)
READY_TIMEOUT="${READY_TIMEOUT:-90}"
SECRETS_FILE="$RUN_DIR/secrets.env"
DB_HOST="${MODERATION_DB_HOST:-127.0.0.1}"
DB_PORT="${MODERATION_DB_PORT:-5432}"
KAFKA_BOOTSTRAP=127.0.0.1:9092
DEMO_ACCOUNT=demo
DASHBOARD_USER=moderator

svc_name() { printf '%s' "${1%%:*}"; }
svc_port() { printf '%s' "${1##*:}"; }
svc_jar() { printf '%s' "$SERVICES_ROOT/$1/target/quarkus-app/quarkus-run.jar"; }
# The jar path is unique to this checkout: it identifies our service JVMs in /proc/<pid>/cmdline.
svc_marker() { svc_jar "$1"; }
svc_entries() {
  local s
  for s in "${SERVICES[@]}"; do
    printf '%s:%s\n' "$(svc_name "$s")" "$(svc_marker "$(svc_name "$s")")"
  done
}

# ---------------------------------------------------------------------------------------------
# Secrets: generated once with openssl, kept in .run/secrets.env (chmod 600), reused afterwards.
# Read with sed rather than sourced, so the file is never executed.
secret_get() { sed -n "s/^$1=//p" "$SECRETS_FILE" 2>/dev/null | tail -n 1; }
ensure_secret() {
  local name="$1"
  if [[ -z "$(secret_get "$name")" ]]; then
    (
      umask 077
      printf '%s=%s\n' "$name" "$(openssl rand -hex 24)" >>"$SECRETS_FILE"
    )
    log "generated $name into $SECRETS_FILE"
  fi
  chmod 600 "$SECRETS_FILE"
}

# ---------------------------------------------------------------------------------------------
# One run at a time: a second run.sh would fight over ports and pid files.
ensure_run_dirs
if running run run.sh; then
  die "run.sh is already running (pid $(read_pid run)); stop it with Ctrl-C there or: $LOCAL_DIR/stop.sh"
fi
# Services left over from a run that was killed hard (SIGKILL, closed terminal): stop them first.
mapfile -t ENTRIES < <(svc_entries)
for e in "${ENTRIES[@]}"; do
  if running "${e%%:*}" "${e#*:}"; then
    warn "found services left over from an earlier run; stopping them first"
    stop_pids "$STOP_TIMEOUT" "${ENTRIES[@]}"
    break
  fi
done
echo "$$" >"$PID_DIR/run.pid"

# Clean shutdown on Ctrl-C, SIGTERM, errors and normal exit: services first (they still need
# Kafka to commit offsets and flush), then Kafka. SIGTERM, up to $STOP_TIMEOUT s, then SIGKILL.
CLEANED=false
SLEEP_PID=""
cleanup() {
  local rc=$?
  set +e
  $CLEANED && return
  CLEANED=true
  trap "" INT TERM HUP # a second Ctrl-C must not cut the clean-up short
  [[ -n "$SLEEP_PID" ]] && kill "$SLEEP_PID" 2>/dev/null
  echo
  log "shutting down..."
  stop_pids "$STOP_TIMEOUT" "${ENTRIES[@]}"
  "$LOCAL_DIR/kafka.sh" stop
  rm -f "$PID_DIR/run.pid"
  log "stopped"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP # terminal closed

# ---------------------------------------------------------------------------------------------
# (a) PostgreSQL, with the services' roles and databases.
ensure_secret MODERATION_DB_PASSWORD
DB_PASSWORD="$(secret_get MODERATION_DB_PASSWORD)"
MODERATION_DB_PASSWORD="$DB_PASSWORD" "$LOCAL_DIR/db-bootstrap.sh" --services

# (b) Build the services.
if $BUILD; then
  log "building the services: ./mvnw -q -B -DskipTests package"
  log "(the first build downloads the dependencies and takes a few minutes; later: --no-build skips this)"
  t_build="$(now_ms)"
  (cd "$ROOT_DIR" && ./mvnw -q -B -DskipTests package) || die "the build failed (see the Maven output above)"
  log "build done in $(elapsed_s "$t_build") s"
fi
missing=()
for s in "${SERVICES[@]}"; do
  [[ -f "$(svc_jar "$(svc_name "$s")")" ]] || missing+=("$(svc_jar "$(svc_name "$s")")")
done
if ((${#missing[@]} > 0)); then
  die "service jar(s) missing: ${missing[*]}
  Build them: run this script without --no-build (or ./mvnw -q -B -DskipTests package)"
fi
command -v java >/dev/null || die "java not found on PATH (Java 17+ is needed)"

# Fail early, with the culprit's name, if a service port is taken by something else.
for s in "${SERVICES[@]}"; do
  p="$(svc_port "$s")"
  if port_open 127.0.0.1 "$p"; then
    owner="$(port_owner "$p")"
    die "port 127.0.0.1:$p (for $(svc_name "$s")) is already in use${owner:+ by $owner}; stop that process first"
  fi
done

# (c) Kafka and the topics.
"$LOCAL_DIR/kafka.sh" start
"$LOCAL_DIR/kafka.sh" create-topics
"$LOCAL_DIR/chromium.sh" # archive-service takes evidence screenshots with headless Chromium

# (d) Demo secrets and per-service config (files outside the jars, so nothing secret is built in).
ensure_secret DEMO_WEB_SECRET
ensure_secret MODERATOR_PASSWORD
DEMO_SECRET="$(secret_get DEMO_WEB_SECRET)"
MODERATOR_PW="$(secret_get MODERATOR_PASSWORD)"

write_service_config() {
  local svc="$1" port="$2" f="$RUN_DIR/$1.properties"
  (
    umask 077
    {
      echo "# Written by deploy/local/run.sh on every run (secrets come from secrets.env). Do not edit."
      echo "# config_ordinal 265: wins over the jar's application.properties (250), loses to env vars (300) and -D (400)."
      echo "config_ordinal=265"
      echo "quarkus.http.host=127.0.0.1"
      echo "quarkus.http.port=$port"
      if [[ "$svc" == ingest-service ]]; then
        # Accounts reference their secret by name; the demo site's is this one.
        echo "ingest.secrets.$DEMO_ACCOUNT=$DEMO_SECRET"
      fi
      if [[ "$svc" == archive-service ]]; then
        # The evidence browser opens only allow-listed hosts; the demo site's comments link to this one.
        echo "archive.evidence.hosts.account.\"$DEMO_ACCOUNT\"=www.example.se"
      fi
      echo "quarkus.security.users.embedded.users.$DASHBOARD_USER=$MODERATOR_PW"
      echo "quarkus.security.users.embedded.roles.$DASHBOARD_USER=moderator,registrar,archivist,admin"
    } >"$f.tmp"
  )
  mv -f "$f.tmp" "$f"
  chmod 600 "$f"
}

# (e) Start the services. Exported (not passed on the command line) so the password does not
# show up in `ps`; /proc/<pid>/environ is readable by the owner only.
export KAFKA_BOOTSTRAP_SERVERS="$KAFKA_BOOTSTRAP"
export CASE_DB_URL="jdbc:postgresql://$DB_HOST:$DB_PORT/moderation_case" CASE_DB_USER=moderation_case CASE_DB_PASSWORD="$DB_PASSWORD"
export ARCHIVE_DB_URL="jdbc:postgresql://$DB_HOST:$DB_PORT/moderation_archive" ARCHIVE_DB_USER=moderation_archive ARCHIVE_DB_PASSWORD="$DB_PASSWORD"
export INGEST_DB_URL="jdbc:postgresql://$DB_HOST:$DB_PORT/moderation_ingest" INGEST_DB_USER=moderation_ingest INGEST_DB_PASSWORD="$DB_PASSWORD"
export CLASSIFICATION_DB_URL="jdbc:postgresql://$DB_HOST:$DB_PORT/moderation_classification" CLASSIFICATION_DB_USER=moderation_classification CLASSIFICATION_DB_PASSWORD="$DB_PASSWORD"

T_SERVICES="$(now_ms)"
for s in "${SERVICES[@]}"; do
  name="$(svc_name "$s")"
  port="$(svc_port "$s")"
  write_service_config "$name" "$port"
  logfile="$LOG_DIR/$name.log"
  [[ -f "$logfile" ]] && mv -f "$logfile" "$logfile.1" # keep the previous run's log
  start_bg "$name" "$logfile" \
    java -Xmx384m -Dquarkus.config.locations="file:$RUN_DIR/$name.properties" -jar "$(svc_jar "$name")"
  log "started $name (pid $(read_pid "$name")) on port $port, log: $logfile"
done

# (f) Wait for all of them to be ready (they start in parallel).
pending=("${SERVICES[@]}")
deadline=$((SECONDS + READY_TIMEOUT))
while ((${#pending[@]} > 0)); do
  still=()
  for s in "${pending[@]}"; do
    name="$(svc_name "$s")"
    port="$(svc_port "$s")"
    if ! running "$name" "$(svc_marker "$name")"; then
      tail_log "$LOG_DIR/$name.log" 60
      die "$name exited during start-up (log: $LOG_DIR/$name.log)"
    fi
    code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$port/q/health/ready" || true)"
    if [[ "$code" == 200 ]]; then
      log "$name is ready on http://127.0.0.1:$port ($(elapsed_s "$T_SERVICES") s after launch)"
    else
      still+=("$s")
    fi
  done
  pending=("${still[@]+"${still[@]}"}")
  ((${#pending[@]} == 0)) && break
  if ((SECONDS >= deadline)); then
    for s in "${pending[@]}"; do
      tail_log "$LOG_DIR/$(svc_name "$s").log" 60
    done
    die "not ready within ${READY_TIMEOUT}s: $(printf '%s ' "${pending[@]%%:*}")(GET /q/health/ready did not answer 200)"
  fi
  sleep 1
done

# (f2) The demo web comment field is an account like any other: registered, its start checklist
# done, then opened. Idempotent: an existing demo account is reused.
open_demo_account() {
  local base="http://127.0.0.1:8081" auth="$DASHBOARD_USER:$MODERATOR_PW" id item status
  id="$(curl -s -u "$auth" "$base/accounts" | python3 -c '
import json, sys
for a in json.load(sys.stdin):
    if a["platform"] == "web" and a["externalId"] == sys.argv[1]:
        print(a["id"])' "$DEMO_ACCOUNT")"
  if [[ -z "$id" ]]; then
    id="$(curl -s -u "$auth" -H 'Content-Type: application/json' -X POST "$base/accounts" --data-binary @- <<JSON | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])'
{"platform":"web","externalId":"$DEMO_ACCOUNT","name":"Demo: kommunens webbplats","owningUnit":"Kommunikationsavdelningen",
 "purpose":"Synpunkter och frågor från webbplatsens kommentarsfält","secretRef":"$DEMO_ACCOUNT",
 "responsible":["Anna Andersson","Bo Berg"]}
JSON
)"
  fi
  status="$(curl -s -u "$auth" "$base/accounts/$id" | python3 -c 'import json,sys; print(json.load(sys.stdin)["status"])')"
  if [[ "$status" != ACTIVE ]]; then
    for item in SYFTE MAL BUDSKAP MALGRUPP KANAL TYP_AV_KONTO AVTAL FUNKTION_OCH_TEKNIK RESURSER BEVAKNING \
      AVSANDARE RISKER DIARIEFORING_GALLRING_ARKIVERING KRISKOMMUNIKATION MARKNADSFORING INFORMATIONSKRAV \
      MEDDELA_INFOAVDELNINGEN; do
      curl -s -o /dev/null -u "$auth" -X PUT "$base/accounts/$id/checklist/$item"
    done
    curl -s -o /dev/null -u "$auth" -X POST "$base/accounts/$id/activate"
  fi
  log "demo account '$DEMO_ACCOUNT' (web) is registered and active: $base/accounts/$id"
}
open_demo_account

cat <<EOF

==============================================================================================
 All four services are ready, $(elapsed_s "$T_START") s after run.sh started.

 ingest          http://127.0.0.1:8081   webhooks: POST /webhooks/web/$DEMO_ACCOUNT
 classification  http://127.0.0.1:8082
 case            http://127.0.0.1:8083   cases list: http://127.0.0.1:8083/cases
 archive         http://127.0.0.1:8084   a record:   http://127.0.0.1:8084/records/{commentKey}
 each service    /q/swagger-ui  /q/metrics  /q/health   (e.g. http://127.0.0.1:8083/q/swagger-ui)
 Kafka           $KAFKA_BOOTSTRAP
 PostgreSQL      $DB_HOST:$DB_PORT  (databases moderation_case, moderation_archive, moderation_ingest, moderation_classification)
 logs            $LOG_DIR/

 Dashboard user: $DASHBOARD_USER   password: MODERATOR_PASSWORD in $SECRETS_FILE
   curl -u "$DASHBOARD_USER:\$(sed -n 's/^MODERATOR_PASSWORD=//p' $SECRETS_FILE)" http://127.0.0.1:8083/cases

 Post a signed comment (HMAC-SHA256 of the raw body with the "$DEMO_ACCOUNT" account's secret):
   secret=\$(sed -n 's/^DEMO_WEB_SECRET=//p' $SECRETS_FILE)
   body='{"id":"c-1001","author":"Anna Andersson","text":"Hej! När plogas Storgatan?","url":"https://www.example.se/nyheter/1","createdAt":"2026-11-29T10:00:00Z"}'
   sig=\$(printf '%s' "\$body" | openssl dgst -sha256 -hmac "\$secret" -hex | awk '{print \$NF}')
   curl -i -X POST http://127.0.0.1:8081/webhooks/web/$DEMO_ACCOUNT \\
        -H 'Content-Type: application/json' -H "X-Signature-256: sha256=\$sig" --data-binary "\$body"
==============================================================================================

EOF

# (g) Demo comments, signed exactly like the example above.
post_signed_comment() {
  local label="$1" id="$2" author="$3" text="$4"
  local body_file resp_file sig code
  body_file="$(mktemp)"
  resp_file="$(mktemp)"
  # No trailing newline: the signature covers exactly the bytes that are sent.
  printf '{"id":"%s","author":"%s","text":"%s","url":"https://www.example.se/nyheter/snorojning#%s","createdAt":"2026-11-29T10:00:00Z"}' \
    "$id" "$author" "$text" "$id" >"$body_file"
  sig="$(openssl dgst -sha256 -hmac "$DEMO_SECRET" -hex <"$body_file" | awk '{print $NF}')"
  code="$(curl -s -o "$resp_file" -w '%{http_code}' --max-time 10 -X POST \
    "http://127.0.0.1:8081/webhooks/web/$DEMO_ACCOUNT" \
    -H 'Content-Type: application/json' -H "X-Signature-256: sha256=$sig" \
    --data-binary "@$body_file" || true)"
  printf '  %-13s %-24s -> HTTP %s %s\n' "$label" "$id" "${code:-000}" "$(head -c 200 "$resp_file" | tr '\n' ' ')"
  rm -f "$body_file" "$resp_file"
}

if $DEMO; then
  run_id="$(date +%Y%m%d%H%M%S)" # fresh ids on every run, so the demo is not deduplicated away
  log "posting demo comments to http://127.0.0.1:8081/webhooks/web/$DEMO_ACCOUNT"
  post_signed_comment thanks "demo-$run_id-1" "Karin Berg" "Tack för att ni plogade så snabbt i morse!"
  post_signed_comment complaint "demo-$run_id-2" "Per Nilsson" "Jag vill lämna ett klagomål på snöröjningen på Storgatan"
  post_signed_comment confidential "demo-$run_id-3" "Eva Lind" "Min son mår dåligt i skolan och behöver stöd. Mitt personnummer är 811218-9876, ring mig."
  post_signed_comment question "demo-$run_id-4" "Ali Hassan" "När töms soptunnorna på Östergatan under julhelgen?"
  sleep 2
  echo
  log "curl -u $DASHBOARD_USER:<MODERATOR_PASSWORD> http://127.0.0.1:8083/cases"
  cases_file="$(mktemp)"
  # The first comments after a start take a few seconds more (consumer groups joining, cold JIT):
  # ask again for up to 15 s until a case from this demo run shows up (the complaint and the
  # confidential comment become cases; the thanks and the question normally do not).
  t_cases="$(now_ms)"
  for _ in $(seq 1 15); do
    code="$(curl -s -o "$cases_file" -w '%{http_code}' --max-time 10 -u "$DASHBOARD_USER:$MODERATOR_PW" \
      -H 'Accept: application/json' http://127.0.0.1:8083/cases || true)"
    if [[ "$code" != 200 ]] || grep -qF "demo-$run_id-" "$cases_file"; then
      break
    fi
    sleep 1
  done
  echo "HTTP ${code:-000} ($(elapsed_s "$t_cases") s after the first request)"
  head -c 4000 "$cases_file"
  echo
  rm -f "$cases_file"
  echo
fi

# (h) Stay in the foreground until Ctrl-C / SIGTERM; stop everything if a part dies on its own.
log "running. Press Ctrl-C to stop everything."
while :; do
  for e in "${ENTRIES[@]}"; do
    if ! running "${e%%:*}" "${e#*:}"; then
      tail_log "$LOG_DIR/${e%%:*}.log" 40
      die "${e%%:*} exited on its own; stopping the rest"
    fi
  done
  "$LOCAL_DIR/kafka.sh" status >/dev/null || die "Kafka exited on its own (log: $LOG_DIR/kafka.log); stopping the rest"
  # sleep in the background + wait: wait returns at once when a signal arrives, so the trap runs without delay.
  sleep 2 &
  SLEEP_PID=$!
  wait "$SLEEP_PID" || true
  SLEEP_PID=""
done
