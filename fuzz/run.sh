#!/usr/bin/env bash
# Runs one fuzz target: fuzz/run.sh TARGET [libFuzzer flags…], e.g.
#   fuzz/run.sh load_yaml -runs=10000000          # a long run
#   fuzz/run.sh plan -max_total_time=30           # CI's smoke run
# On the stable toolchain cargo-fuzz needs RUSTC_BOOTSTRAP=1 (it passes nightly-only -Z flags).
# No sanitizer: every crate of ours forbids `unsafe`, so AddressSanitizer would only slow the
# search; panics, aborts, timeouts and runaway memory are what the targets look for.
set -euo pipefail
cd "$(dirname "$0")"
target=$1; shift
[ -d "corpus/$target" ] || ./seed.sh
dict=()
case $target in load_yaml|validate|plan) dict=(-dict=dict/oam.dict) ;; esac
RUSTC_BOOTSTRAP=1 exec cargo fuzz run --sanitizer none --release "$target" "corpus/$target" -- \
  "${dict[@]}" -timeout=10 -rss_limit_mb=2048 -max_len=16384 -print_final_stats=1 "$@"
