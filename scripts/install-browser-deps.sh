#!/usr/bin/env bash
# Installs Debian's Chromium for the dashboard's browser test (test/e2e/dashboard.test.ts drives
# /usr/bin/chromium through playwright-core), only when it is missing. Playwright's own browser
# download is not used: it needs the internet, and the Debian package comes from the apt mirror.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null; then
  echo "missing Debian package: chromium (install it, or run as root)" >&2; exit 1
fi
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
echo "installing Debian package: chromium"
$SUDO apt-get update -qq
# Fonts are listed so that pages render text (and screenshots are legible) on a bare image.
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
if [ ! -x /usr/bin/chromium ]; then
  echo "apt-get installed chromium but /usr/bin/chromium is still missing" >&2; exit 1
fi
