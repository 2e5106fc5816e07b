#!/usr/bin/env bash
# The browser tests drive Debian's Chromium: a test tool's own browser download does not work on these machines.
# Installs it (apt-get install chromium) when it is not there yet, so `npm test` works on a fresh machine.
set -euo pipefail
if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "$CHROMIUM_PATH" ]; then exit 0; fi
for candidate in /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome; do
  if [ -x "$candidate" ]; then exit 0; fi
done
echo "Chromium installeren voor de browsertests (apt-get install chromium)…"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "Chromium ontbreekt en dit account mag niets installeren: installeer het met 'apt-get install chromium' of zet CHROMIUM_PATH." >&2
    exit 1
  fi
fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
