#!/bin/bash
# Longer local fuzzing: runs every fuzz target of a CLIPWRIGHT_FUZZ build for SECONDS each on
# a scratch copy of its committed corpus and prints executions, coverage and crashes.
#   tests/fuzz/run_fuzz.sh BUILD_DIR [SECONDS=300] [TARGET...]
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=$1 seconds=${2:-300}
shift 2 || shift $#
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(sseparser draft agentevent planner http)
export ASAN_OPTIONS=detect_leaks=0:abort_on_error=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
for t in "${targets[@]}"; do
  mkdir -p "$build/fuzz-work"; work=$build/fuzz-work/$t
  log=$build/fuzz-work/$t.log
  "$here/run_one.sh" "$build/bin/fuzz_$t" "$here/corpus/$t" "$work" "$seconds" >"$log" 2>&1
  rc=$?
  echo "$t: rc=$rc $(grep -E '^#[0-9]+.*DONE' "$log" | tail -1)" \
    "$(grep -E 'stat::number_of_executed_units' "$log" | tail -1)" \
    "crashes=$(find "$work/crashes" -type f | wc -l)"
done
