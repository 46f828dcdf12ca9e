#!/bin/bash
# Runs one libFuzzer binary for a bounded time on a scratch copy of its committed seed corpus
# (new inputs land in the scratch folder, never in the source tree), then replays the seeds
# once so a seed that crashes always fails. Crashes are written to WORK/crashes/.
#   run_one.sh FUZZER CORPUS_DIR WORK_DIR SECONDS
set -euo pipefail
fuzzer=$1 corpus=$2 work=$3 seconds=$4
rm -rf "$work"
mkdir -p "$work/corpus" "$work/crashes"
cp -r "$corpus"/. "$work/corpus/"
"$fuzzer" -runs=0 "$corpus"
"$fuzzer" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 -max_len=16384 \
  -print_final_stats=1 -artifact_prefix="$work/crashes/" "$work/corpus"
