#!/bin/bash
# Builds Clipwright with warnings as errors, checks formatting and runs the whole test
# suite (unit, engine, service, GUI) the way CI does: under Xvfb, with a private D-Bus
# session and an unlocked gnome-keyring, in a throwaway HOME.
#   tests/run.sh [BUILD_DIR=build] [extra ctest args...]
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$src/build}
shift || true

cmake -S "$src" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCLIPWRIGHT_WERROR=ON
cmake --build "$build" --parallel "$(nproc)"
cmake --build "$build" --target format-check

sandbox=$(mktemp -d)
trap 'rm -rf "$sandbox"' EXIT
mkdir -p "$sandbox/home" "$sandbox/run"
chmod 700 "$sandbox/run"
export HOME=$sandbox/home XDG_RUNTIME_DIR=$sandbox/run
export CTEST_OUTPUT_ON_FAILURE=1
xvfb-run -a -s "-screen 0 1920x1080x24" dbus-run-session -- bash -c '
  printf ci-password | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  ctest --test-dir "$0" --output-on-failure --timeout 600 "$@"' "$build" "$@"
