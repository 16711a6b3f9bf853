# shellcheck shell=bash
# Helpers shared by the deploy/local scripts. Source it, do not run it.
#
# Layout of the state dir (deploy/local/.run/, gitignored):
#   secrets.env               generated passwords/secrets (chmod 600)
#   <service>.properties      per-service Quarkus config (chmod 600)
#   pids/<name>.pid           pid of each background JVM (kafka, services) and of run.sh
#   logs/<name>.log           console output of each background JVM
#   kafka/libs/               Kafka jars (collected by Maven from deploy/local/kafka/pom.xml)
#   kafka/server.properties   rendered broker config;  kafka/data/  broker log.dirs
#   kafka/cluster.id          KRaft cluster id used to format kafka/data

LOCAL_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT_DIR="$(cd "$LOCAL_DIR/../.." && pwd)"
RUN_DIR="${MODERATION_RUN_DIR:-$LOCAL_DIR/.run}"
# Where the service modules (and their target/quarkus-app jars) are; only overridden to test these
# scripts with stand-in jars.
SERVICES_ROOT="${MODERATION_SERVICES_ROOT:-$ROOT_DIR}"
PID_DIR="$RUN_DIR/pids"
LOG_DIR="$RUN_DIR/logs"
export LOCAL_DIR ROOT_DIR RUN_DIR SERVICES_ROOT PID_DIR LOG_DIR

# How long a process gets between SIGTERM and SIGKILL.
STOP_TIMEOUT="${STOP_TIMEOUT:-20}"

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*"; }
warn() { printf '[%s] WARNING: %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() {
  printf '[%s] ERROR: %s\n' "$(date +%H:%M:%S)" "$*" >&2
  exit 1
}

ensure_run_dirs() {
  mkdir -p "$RUN_DIR" "$PID_DIR" "$LOG_DIR"
  # Secrets and logs live here: keep the whole dir private.
  chmod 700 "$RUN_DIR"
}

# Milliseconds since the epoch (for elapsed-time reports).
now_ms() { date +%s%3N; }
# elapsed_s T0_MS: seconds since T0_MS with one decimal.
elapsed_s() { awk -v a="$1" -v b="$(now_ms)" 'BEGIN { printf "%.1f", (b - a) / 1000 }'; }

# sigint_ignored: true if this shell was started with SIGINT ignored (bit 2 of SigIgn).
sigint_ignored() {
  local mask
  mask="$(awk '/^SigIgn:/ { print $2 }' /proc/$$/status 2>/dev/null || true)"
  [[ -n "$mask" ]] && (((16#$mask >> 1) & 1))
}

# port_open HOST PORT: true if something accepts TCP connections there.
# Uses bash's /dev/tcp so no nc is needed; the subshell closes the socket again.
port_open() {
  timeout 2 bash -c "exec 3<>/dev/tcp/$1/$2" 2>/dev/null
}

# Who listens on a local TCP port (for error messages); empty if unknown.
port_owner() {
  ss -ltnpH "sport = :$1" 2>/dev/null | sed -n 's/.*users:((\(.*\)))/\1/p' | head -n 1
}

# pid_alive PID: true if the process exists (and is not a zombie).
pid_alive() {
  local pid="$1" state
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  state="$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null || true)"
  [[ "$state" != "Z" ]]
}

# pid_matches PID MARKER: true if PID is alive and its command line contains MARKER.
# Guards against killing an unrelated process that re-used a stale pid.
pid_matches() {
  local pid="$1" marker="$2"
  pid_alive "$pid" || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$marker"
}

# read_pid NAME: prints the pid stored in pids/NAME.pid (or nothing).
read_pid() {
  local f="$PID_DIR/$1.pid"
  [[ -f "$f" ]] || return 0
  tr -dc '0-9' <"$f"
}

# running NAME MARKER: true if pids/NAME.pid points at a live process of ours.
running() {
  local pid
  pid="$(read_pid "$1")"
  [[ -n "$pid" ]] && pid_matches "$pid" "$2"
}

# start_bg NAME LOGFILE CMD...: start CMD detached in its own session (setsid), so a Ctrl-C in
# the terminal reaches only the calling script, which then stops the JVMs in order itself.
# The child writes its own pid (bash $$, then exec keeps the pid) before exec'ing CMD, which is
# reliable whether or not setsid had to fork.
start_bg() {
  local name="$1" logfile="$2"
  shift 2
  mkdir -p "$(dirname "$logfile")" "$PID_DIR"
  rm -f "$PID_DIR/$name.pid"
  # shellcheck disable=SC2016  # $$ and "$@" are expanded by the inner bash, on purpose
  setsid bash -c 'echo $$ >"$0"; exec "$@"' "$PID_DIR/$name.pid" "$@" </dev/null >>"$logfile" 2>&1 &
  # Not a job of ours any more: no "Killed" notices from bash; stop_pids handles it by pid.
  disown "$!"
  local i
  for i in $(seq 1 50); do
    [[ -s "$PID_DIR/$name.pid" ]] && return 0
    sleep 0.1
  done
  die "could not start $name (no pid file written)"
}

# stop_pids TIMEOUT NAME:MARKER...: SIGTERM every named process that is ours, wait up to
# TIMEOUT seconds for all of them, then SIGKILL the rest. Removes their pid files.
stop_pids() {
  local timeout="$1"
  shift
  local entry name marker pid
  local -a pids=() names=()
  for entry in "$@"; do
    name="${entry%%:*}"
    marker="${entry#*:}"
    pid="$(read_pid "$name")"
    if [[ -n "$pid" ]] && pid_matches "$pid" "$marker"; then
      log "stopping $name (pid $pid)"
      kill -TERM "$pid" 2>/dev/null || true
      pids+=("$pid")
      names+=("$name")
    fi
    rm -f "$PID_DIR/$name.pid"
  done
  ((${#pids[@]} > 0)) || return 0

  local deadline=$((SECONDS + timeout)) left i
  while :; do
    left=0
    for pid in "${pids[@]}"; do
      pid_alive "$pid" && left=$((left + 1))
    done
    ((left == 0)) && return 0
    ((SECONDS >= deadline)) && break
    sleep 0.5
  done
  for i in "${!pids[@]}"; do
    if pid_alive "${pids[$i]}"; then
      warn "${names[$i]} (pid ${pids[$i]}) did not stop within ${timeout}s; sending SIGKILL"
      kill -KILL "${pids[$i]}" 2>/dev/null || true
    fi
  done
  # Give the kernel a moment to reap them so callers can rely on "gone".
  for i in $(seq 1 20); do
    left=0
    for pid in "${pids[@]}"; do
      pid_alive "$pid" && left=$((left + 1))
    done
    ((left == 0)) && return 0
    sleep 0.25
  done
  warn "some processes are still present after SIGKILL: ${pids[*]}"
}

# tail_log FILE [LINES]: print the end of a log file, indented, for error reports.
tail_log() {
  local f="$1" n="${2:-40}"
  if [[ -f "$f" ]]; then
    echo "----- last $n lines of $f -----" >&2
    tail -n "$n" "$f" >&2
    echo "----- end of $f -----" >&2
  else
    echo "(no log file $f)" >&2
  fi
}
