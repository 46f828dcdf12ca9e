#!/bin/bash
# Builds Clipwright and runs the whole test suite (unit, engine, service, GUI) the way CI
# does: under Xvfb, with a private D-Bus session and an unlocked gnome-keyring, in a
# throwaway HOME.
#   tests/run.sh [BUILD_DIR=build] [extra ctest args...]
# Tests run as many at a time as the machine has cores (most wait on ffmpeg or sockets);
# the few that time what a user sees are marked RUN_SERIAL and run alone.
# CLIPWRIGHT_SANITIZE=1 selects the sanitizer job instead: clang-14 with AddressSanitizer,
# UndefinedBehaviorSanitizer and libFuzzer coverage (CLIPWRIGHT_FUZZ=ON), the same suite
# with UBSan halting on the first finding, plus the libFuzzer targets (label "fuzz") for
# CLIPWRIGHT_FUZZ_SECONDS each on their committed corpora. The default job builds with gcc
# (warnings as errors when CLIPWRIGHT_WERROR=1 is in the environment, as in CI) and checks
# formatting.
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$src/build}
shift || true
jobs=$(nproc)

if [ "${CLIPWRIGHT_SANITIZE:-0}" = 1 ]; then
  cmake -S "$src" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCLIPWRIGHT_WERROR=OFF \
    -DCLIPWRIGHT_FUZZ=ON -DCLIPWRIGHT_FUZZ_SECONDS="${CLIPWRIGHT_FUZZ_SECONDS:-30}"
  cmake --build "$build" --parallel "$jobs"
  # Leaks: Qt, fontconfig, GLib and D-Bus keep process-lifetime allocations that LSan
  # reports at exit; those are suppressed, our own leaks are not.
  export ASAN_OPTIONS=detect_leaks=${CLIPWRIGHT_DETECT_LEAKS:-0}:abort_on_error=1:detect_stack_use_after_return=0:check_initialization_order=1
  export LSAN_OPTIONS=suppressions=$src/tests/lsan.supp:print_suppressions=0
  export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1:suppressions=$src/tests/ubsan.supp
  # Tests that assert speed (× realtime, ms budgets) may skip those asserts when this is set:
  # instrumented code runs 2-3× slower and proves nothing about speed.
  export CLIPWRIGHT_SANITIZED=1
else
  # The configuration of README's first command (the same flags, so a build folder made by
  # it is only completed here, not compiled again).
  cmake -S "$src" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_COMPILER_LAUNCHER=ccache
  cmake --build "$build" --parallel "$jobs"
  cmake --build "$build" --target format-check
fi

sandbox=$(mktemp -d)
trap 'rm -rf "$sandbox"' EXIT
mkdir -p "$sandbox/home" "$sandbox/run"
chmod 700 "$sandbox/run"
export HOME=$sandbox/home XDG_RUNTIME_DIR=$sandbox/run
export CTEST_OUTPUT_ON_FAILURE=1
xvfb-run -a -s "-screen 0 1920x1080x24" dbus-run-session -- bash -c '
  printf ci-password | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  ctest --test-dir "$0" --output-on-failure --timeout 600 "$@"' "$build" -j"$jobs" "$@"
