#!/bin/bash
# Builds the .deb from a build tree and checks it the way a user would meet it.
#   check_deb.sh BUILD_DIR VERSION
# Prints the package's Installed-Size and Depends at the end (kept in the notes).
set -euo pipefail
build=$1
version=$2
work=$(mktemp -d)
engine_pid=
cleanup() {
  if [ -n "$engine_pid" ]; then kill "$engine_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
step() { echo "== $*"; }

for tool in cpack dpkg-deb desktop-file-validate appstreamcli lintian curl jq ffmpeg; do
  command -v "$tool" >/dev/null || fail "$tool is not installed"
done

step "cpack -G DEB"
cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work/pkg" >"$work/cpack.log" 2>&1 ||
  { cat "$work/cpack.log"; fail "cpack failed"; }
deb=$(ls "$work"/pkg/clipwright_*.deb 2>/dev/null | head -n1)
[ -f "$deb" ] || { cat "$work/cpack.log"; fail "no .deb was written"; }
echo "$(basename "$deb")"

step "contents"
root=$work/root
dpkg-deb -x "$deb" "$root"
app_id=io.clipwright.Clipwright
expected=(
  usr/bin/clipwright
  usr/bin/clipwright-engine
  usr/share/applications/$app_id.desktop
  usr/share/metainfo/$app_id.metainfo.xml
  usr/share/icons/hicolor/scalable/apps/$app_id.svg
  usr/share/man/man1/clipwright.1.gz
  usr/share/man/man1/clipwright-engine.1.gz
  usr/share/doc/clipwright/copyright
  usr/share/doc/clipwright/changelog.gz
  usr/share/clipwright/translations/clipwright_zh_CN.qm
)
for size in 16 22 24 32 48 64 128 256 512; do
  expected+=("usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png")
done
for f in "${expected[@]}"; do
  [ -e "$root/$f" ] || fail "the package lacks /$f"
done
for size in 16 48 512; do
  file "$root/usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png" |
    grep -q "PNG image data, $size x $size" || fail "the ${size}px icon is not ${size}x${size}"
done
zcat "$root/usr/share/man/man1/clipwright-engine.1.gz" | grep -q "^\.SH EXIT STATUS" ||
  fail "the engine's man page has no EXIT STATUS section"

step "desktop-file-validate"
desktop-file-validate "$root/usr/share/applications/$app_id.desktop"
step "appstreamcli validate"
appstreamcli validate --no-net --pedantic "$root/usr/share/metainfo/$app_id.metainfo.xml"
step "lintian (errors fail)"
lintian --fail-on error --no-tag-display-limit "$deb" || fail "lintian reports errors"

step "run the extracted binaries"
app_version=$("$root/usr/bin/clipwright" --version)
[ "$app_version" = "clipwright $version" ] || fail "clipwright --version printed '$app_version'"
engine_version=$("$root/usr/bin/clipwright-engine" --version)
[ "$engine_version" = "clipwright-engine $version" ] ||
  fail "clipwright-engine --version printed '$engine_version'"
echo "$app_version / $engine_version"

step "the extracted engine serves a session"
token=pkg-$RANDOM$RANDOM
CLIPWRIGHT_ENGINE_TOKEN=$token "$root/usr/bin/clipwright-engine" --listen 127.0.0.1:0 \
  --data-dir "$work/data" >"$work/engine.out" 2>"$work/engine.err" &
engine_pid=$!
for _ in $(seq 1 100); do
  grep -q '^listening ' "$work/engine.out" && break
  kill -0 "$engine_pid" 2>/dev/null || { cat "$work/engine.err"; fail "the engine exited"; }
  sleep 0.1
done
url=$(sed -n 's/^listening //p' "$work/engine.out" | head -n1)
[ -n "$url" ] || fail "the engine printed no listening line"
curl -fsS "$url/health" | jq -e ".data.version == \"$version\"" >/dev/null ||
  fail "/health does not report $version"
session=$(curl -fsS -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d '{"task_name":"package test","language":"en"}' "$url/api/tasks/me/with-session/nemo_agent" |
  jq -r '.data.session_id')
[ -n "$session" ] && [ "$session" != null ] || fail "no session was created"
curl -fsS -H "Authorization: Bearer $token" "$url/api/state/nemo_agent/me/$session/latest" |
  jq -e '.code == 0' >/dev/null || fail "the new session has no state"
echo "session $session on $url"
kill -TERM "$engine_pid"
wait "$engine_pid" || fail "the engine did not stop cleanly on SIGTERM"
engine_pid=

step "the extracted engine edits from the command line"
ffmpeg -v error -f lavfi -i testsrc2=s=160x120:r=25:d=3 -f lavfi -i sine=f=440:d=3 \
  -c:v libx264 -preset ultrafast -pix_fmt yuv420p -c:a aac -shortest "$work/in.mp4"
"$root/usr/bin/clipwright-engine" edit "$work/in.mp4" --do "cut the first 1 second" \
  -o "$work/out.mp4" --json >"$work/edit.json"
tail -n1 "$work/edit.json" | jq -e '.event == "result" and .duration > 1.8 and .duration < 2.2' \
  >/dev/null || { cat "$work/edit.json"; fail "the edit did not produce a 2 s result"; }

step "package facts"
dpkg-deb -f "$deb" Package Version Installed-Size Depends Recommends
echo "Installed-Size is in KiB; the .deb is $(du -k "$deb" | cut -f1) KiB"
echo "PASS"
