#!/bin/bash
# app_headless: clipwright with no display, then with the offscreen platform.
#   check_headless.sh PATH_TO_CLIPWRIGHT
set -uo pipefail
app=$1
fail() { echo "app_headless: $*" >&2; exit 1; }

out=$(env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM "$app" 2>&1)
rc=$?
[ "$rc" = 3 ] || fail "no display: exit $rc, expected 3; output: $out"
grep -q "no display" <<<"$out" || fail "no display: the reason is not said: $out"
grep -q "xvfb-run -a clipwright" <<<"$out" || fail "no display: xvfb-run is not suggested: $out"
grep -q "clipwright-engine edit" <<<"$out" || fail "no display: the CLI is not suggested: $out"
grep -qi "reinstall" <<<"$out" && fail "no display: Qt's abort came through: $out"

# A platform that needs no display is not refused: the window comes up and the startup
# report quits it.
out=$(env -u DISPLAY -u WAYLAND_DISPLAY QT_QPA_PLATFORM=offscreen CLIPWRIGHT_STARTUP_REPORT=1 \
  HOME="$(mktemp -d)" timeout 50 "$app" 2>&1)
rc=$?
[ "$rc" = 0 ] || fail "offscreen: exit $rc; output: $out"
grep -q "usable after" <<<"$out" || fail "offscreen: no startup report: $out"
echo "app_headless: ok"
