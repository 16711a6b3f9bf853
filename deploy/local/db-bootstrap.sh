#!/usr/bin/env bash
# Makes sure PostgreSQL is up (and, with --services, that the services' roles and databases exist).
# Safe to run any number of times.
#
#   deploy/local/db-bootstrap.sh              start the local cluster if it is down; wait until it accepts connections
#   MODERATION_DB_PASSWORD=... deploy/local/db-bootstrap.sh --services
#                                             also create/update the roles moderation_case, moderation_archive,
#                                             moderation_ingest, moderation_classification (LOGIN, that password)
#                                             and their databases
#
# Environment (all optional except MODERATION_DB_PASSWORD with --services):
#   MODERATION_DB_HOST            server host, default 127.0.0.1 (anything else = another server; not started here)
#   MODERATION_DB_PORT            server port, default 5432
#   MODERATION_DB_ADMIN_USER      admin role for TCP connections, default postgres
#   MODERATION_DB_ADMIN_PASSWORD  its password (or use ~/.pgpass); not needed as root on a local server
#   MODERATION_DB_PASSWORD        password given to the four service roles
#   MODERATION_DB_WAIT            seconds to wait for the server, default 30
#
# CI calls it without --services before the tests, only to have the server up.
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

DB_HOST="${MODERATION_DB_HOST:-127.0.0.1}"
DB_PORT="${MODERATION_DB_PORT:-5432}"
DB_ADMIN_USER="${MODERATION_DB_ADMIN_USER:-postgres}"
DB_WAIT="${MODERATION_DB_WAIT:-30}"
SERVICE_DBS=(moderation_case moderation_archive moderation_ingest moderation_classification)

usage() {
  sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'
}

ORIG_ARGS="$*"
WITH_SERVICES=false
while (($# > 0)); do
  case "$1" in
  --services) WITH_SERVICES=true ;;
  -h | --help)
    usage
    exit 0
    ;;
  *)
    usage >&2
    die "unknown argument: $1"
    ;;
  esac
  shift
done

if $WITH_SERVICES && [[ -z "${MODERATION_DB_PASSWORD:-}" ]]; then
  die "--services needs the service roles' password in MODERATION_DB_PASSWORD (deploy/local/run.sh generates one into deploy/local/.run/secrets.env)"
fi

is_local() { [[ "$DB_HOST" == "127.0.0.1" || "$DB_HOST" == "localhost" || "$DB_HOST" == "::1" ]]; }

not_installed() {
  die "PostgreSQL is not installed on this machine (no pg_lsclusters, psql or pg_isready found).
  Install it:                   apt-get install -y postgresql     (Debian/Ubuntu; then re-run this script)
  Or use another server:        MODERATION_DB_HOST=<host> MODERATION_DB_PORT=<port> \\
                                MODERATION_DB_ADMIN_USER=<admin> MODERATION_DB_ADMIN_PASSWORD=<pw> $0 $ORIG_ARGS
                                (needs the client tools: apt-get install -y postgresql-client)"
}

server_ready() { pg_isready -q -h "$DB_HOST" -p "$DB_PORT" -t 2; }

# Start the Debian-managed local cluster that owns $DB_PORT if it is down.
# --skip-systemctl-redirect: there is no systemd here (and in CI containers), so start it directly.
start_local_cluster() {
  command -v pg_lsclusters >/dev/null || not_installed
  local ver name port status line=""
  # Columns: Ver Cluster Port Status Owner Datadir Logfile. Prefer the cluster named "main".
  while read -r ver name port status _; do
    [[ "$port" == "$DB_PORT" ]] || continue
    if [[ -z "$line" || "$name" == "main" ]]; then
      line="$ver $name $status"
    fi
  done < <(pg_lsclusters --no-header 2>/dev/null)
  if [[ -z "$line" ]]; then
    die "no local PostgreSQL cluster uses port $DB_PORT (pg_lsclusters shows: $(pg_lsclusters --no-header | awk '{print $1"/"$2":"$3}' | paste -sd ' ')).
  Create one with: pg_createcluster --start <version> main   or set MODERATION_DB_PORT."
  fi
  read -r ver name status <<<"$line"
  if [[ "$status" == online* ]]; then
    log "PostgreSQL $ver/$name is online but not answering yet on $DB_HOST:$DB_PORT; waiting"
    return 0
  fi
  if [[ $EUID -ne 0 && "$(id -un)" != "postgres" ]]; then
    die "PostgreSQL $ver/$name is down and starting it needs root or the postgres user:
  sudo pg_ctlcluster --skip-systemctl-redirect $ver $name start"
  fi
  log "starting PostgreSQL $ver/$name (it was $status)"
  pg_ctlcluster --skip-systemctl-redirect "$ver" "$name" start ||
    die "pg_ctlcluster could not start PostgreSQL $ver/$name; see /var/log/postgresql/postgresql-$ver-$name.log"
}

ensure_server_up() {
  if ! command -v pg_isready >/dev/null || ! command -v psql >/dev/null; then
    if is_local && ! command -v pg_lsclusters >/dev/null; then
      not_installed
    fi
    die "the PostgreSQL client tools (psql, pg_isready) are missing: apt-get install -y postgresql-client"
  fi
  if server_ready; then
    log "PostgreSQL is accepting connections on $DB_HOST:$DB_PORT"
    return 0
  fi
  local t0 deadline=$((SECONDS + DB_WAIT))
  t0="$(now_ms)"
  if is_local; then
    start_local_cluster
  else
    log "waiting for the PostgreSQL server at $DB_HOST:$DB_PORT (not local, so not started here)"
  fi
  until server_ready; do
    ((SECONDS < deadline)) || die "PostgreSQL on $DB_HOST:$DB_PORT did not accept connections within ${DB_WAIT}s"
    sleep 0.5
  done
  log "PostgreSQL is accepting connections on $DB_HOST:$DB_PORT (after $(elapsed_s "$t0") s)"
}

# Admin psql. As root on a local server: the postgres OS user over the Unix socket (peer auth,
# no password needed). Otherwise: TCP as $DB_ADMIN_USER; -w = never prompt (use the env var or ~/.pgpass).
admin_psql() {
  if is_local && [[ $EUID -eq 0 ]] && id postgres >/dev/null 2>&1; then
    # cd /: the postgres user may not be allowed into the caller's working directory.
    (cd / && runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -p "$DB_PORT" -d postgres "$@")
  else
    PGPASSWORD="${MODERATION_DB_ADMIN_PASSWORD:-${PGPASSWORD:-}}" \
      psql -X -q -w -v ON_ERROR_STOP=1 -h "$DB_HOST" -p "$DB_PORT" -U "$DB_ADMIN_USER" -d postgres "$@"
  fi
}

# SQL string literal: double the single quotes (standard_conforming_strings is on by default,
# so backslashes are literal). The password goes through stdin, never on a command line.
sql_literal() { printf "'%s'" "${1//\'/\'\'}"; }

ensure_service_databases() {
  local pw db sql=""
  pw="$(sql_literal "$MODERATION_DB_PASSWORD")"
  for db in "${SERVICE_DBS[@]}"; do
    # Role and database share the name. CREATE ... IF NOT EXISTS does not exist for roles and
    # databases, hence the \gexec pattern; ALTER ROLE every time so the password always matches.
    sql+="SELECT format('CREATE ROLE %I LOGIN', '$db') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$db')
\\gexec
ALTER ROLE \"$db\" WITH LOGIN PASSWORD $pw;
SELECT format('CREATE DATABASE %I OWNER %I', '$db', '$db') WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$db')
\\gexec
ALTER DATABASE \"$db\" OWNER TO \"$db\";
"
  done
  local before
  before="$(admin_psql -At -c "SELECT string_agg(datname, ' ') FROM pg_database WHERE datname LIKE 'moderation\_%'")" ||
    die "cannot run admin commands on PostgreSQL at $DB_HOST:$DB_PORT as ${DB_ADMIN_USER} (set MODERATION_DB_ADMIN_USER / MODERATION_DB_ADMIN_PASSWORD)"
  admin_psql <<<"$sql" || die "creating the service roles/databases failed"
  for db in "${SERVICE_DBS[@]}"; do
    if [[ " $before " == *" $db "* ]]; then
      log "database $db (owner $db): present, password updated"
    else
      log "database $db (owner $db): created"
    fi
  done
  # Prove the service login works over TCP, as the services will connect.
  for db in "${SERVICE_DBS[@]}"; do
    PGPASSWORD="$MODERATION_DB_PASSWORD" psql -X -q -w -h "$DB_HOST" -p "$DB_PORT" -U "$db" -d "$db" \
      -c 'SELECT 1' >/dev/null ||
      die "role $db cannot log in to database $db on $DB_HOST:$DB_PORT (check pg_hba.conf)"
  done
  log "service roles can log in over TCP: ${SERVICE_DBS[*]}"
}

ensure_server_up
if $WITH_SERVICES; then
  ensure_service_databases
fi
