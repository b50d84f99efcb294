#!/usr/bin/env bash
# The browser test (tests/browser/) drives Debian's Chromium through playwright-core, which never downloads a
# browser of its own. This installs Chromium (and an emoji font, so screenshots show the app's emoji) with apt
# when it is missing and we are root on a Debian-like machine; otherwise it says what to run. Fast when present.
set -euo pipefail
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$chromium" ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "The browser test needs Chromium at $chromium. Install it: sudo apt-get install -y chromium (or set CHROMIUM_PATH)." >&2
  exit 0 # lint and the other tests still run; the browser test fails with the same advice
fi
echo "Installing Chromium for the browser test (apt-get, one time)…" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium fonts-noto-color-emoji >/dev/null
echo "Chromium: $("$chromium" --version 2>/dev/null || echo installed)" >&2
