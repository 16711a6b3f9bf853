#!/usr/bin/env bash
# Makes sure headless Chromium and its driver are installed (Debian's `chromium` and
# `chromium-driver`): the archive-service takes its evidence screenshots with them, and its tests
# drive the real browser. Safe to run any number of times: it installs only when
# /usr/bin/chromium or /usr/bin/chromedriver is missing, and does nothing otherwise.
#
#   deploy/local/chromium.sh            install if missing, then print the versions
#   deploy/local/chromium.sh --check    only say whether both are there (exit 1 if not)
#
# Installing needs root (CI and the project's machines run as root) or sudo without a password.
# The service reads the paths from archive.evidence.chromium.binary / .driver (defaults below).
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

CHROMIUM_BIN=/usr/bin/chromium
CHROMEDRIVER_BIN=/usr/bin/chromedriver

present() { [[ -x "$CHROMIUM_BIN" && -x "$CHROMEDRIVER_BIN" ]]; }

versions() {
  # Debian's /usr/bin/chromium wrapper prints a harmless "[: unexpected operator" line on stderr.
  log "$("$CHROMIUM_BIN" --version 2>/dev/null | head -n 1) / $("$CHROMEDRIVER_BIN" --version 2>/dev/null | head -n 1)"
}

if [[ "${1:-}" == --check ]]; then
  if present; then
    versions
    exit 0
  fi
  warn "missing: $([[ -x $CHROMIUM_BIN ]] || printf '%s ' "$CHROMIUM_BIN")$([[ -x $CHROMEDRIVER_BIN ]] || printf '%s' "$CHROMEDRIVER_BIN") (run $0)"
  exit 1
fi

if present; then
  versions
  exit 0
fi

SUDO=()
if [[ "$(id -u)" != 0 ]]; then
  command -v sudo >/dev/null && sudo -n true 2>/dev/null ||
    die "Chromium is missing and installing it needs root: sudo apt-get install -y chromium chromium-driver"
  SUDO=(sudo -n)
fi
command -v apt-get >/dev/null ||
  die "Chromium is missing and this is not a Debian/Ubuntu system; install chromium and chromedriver, then point archive.evidence.chromium.binary/.driver at them"

log "installing chromium and chromium-driver with apt-get (once per machine; about a minute)"
t0="$(now_ms)"
export DEBIAN_FRONTEND=noninteractive
# Wait for another apt/dpkg run (another engineer's, unattended upgrades) instead of failing.
APT_OPTS=(-o DPkg::Lock::Timeout=300 -o Acquire::Retries=3)
"${SUDO[@]}" apt-get "${APT_OPTS[@]}" update -qq
"${SUDO[@]}" apt-get "${APT_OPTS[@]}" install -y -qq --no-install-recommends chromium chromium-driver fonts-dejavu-core >/dev/null
present || die "apt-get finished but $CHROMIUM_BIN or $CHROMEDRIVER_BIN is still missing"
log "installed in $(elapsed_s "$t0") s"
versions
