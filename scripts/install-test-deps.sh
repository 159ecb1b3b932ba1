#!/usr/bin/env bash
# Installs the Debian packages that the test suite needs, only when they are missing.
set -euo pipefail
need=()
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then need+=(postgresql); fi
# A real redis-server for the shared rate-limit and budget counters (started by the tests themselves).
if ! command -v redis-server >/dev/null 2>&1; then need+=(redis-server); fi
# promtool (from Debian's prometheus package) lints the /metrics output in the metrics test.
if ! command -v promtool >/dev/null 2>&1; then need+=(prometheus); fi
if [ "${#need[@]}" -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null; then
    echo "missing Debian packages: ${need[*]} (install them, or run as root)" >&2; exit 1
  fi
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "installing Debian packages: ${need[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# Chromium for the console's browser test.
bash "$(dirname "$0")/install-browser-deps.sh"
