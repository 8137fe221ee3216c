#!/usr/bin/env bash
# Install the Debian packages the test suite drives for real (LibreOffice, poppler, CJK fonts, Chromium)
# when they are missing. Idempotent and quick when everything is there; never fails the build when it
# cannot install (tests that need a missing tool skip with a message saying so).
set -u
need=()
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer libreoffice-calc)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
fc-list :lang=zh 2>/dev/null | grep -q . || need+=(fonts-noto-cjk fonts-wqy-zenhei)
if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi
echo "installing missing system packages: ${need[*]}"
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "cannot install (not root or no apt-get); tests needing them will be skipped" >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get install -y --no-install-recommends "${need[@]}" >/tmp/planwatch-apt.log 2>&1 \
  || { apt-get update >/dev/null 2>&1 && apt-get install -y --no-install-recommends "${need[@]}" >>/tmp/planwatch-apt.log 2>&1; } \
  || echo "apt-get failed (see /tmp/planwatch-apt.log); tests needing these tools will be skipped" >&2
exit 0
