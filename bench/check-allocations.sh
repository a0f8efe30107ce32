#!/usr/bin/env bash
# Shows that training allocates no heap memory after warm-up, two ways, with one LD_PRELOAD library
# (bench/malloc-counter.c: counts every malloc, calloc, realloc, memalign, aligned_alloc and
# posix_memalign; Linux with glibc):
#
# 1. Figures: each dam-bench training workload runs 1 + N and 1 + 10 N steps (`dam-bench --steps`) and
#    the process totals are printed. Setup (building the networks and the data) allocates about the
#    same in both runs (the runtime varies by a few allocations), so totals that differ by far less
#    than the 9 N extra steps mean those steps allocated nothing; one allocation per step adds 9 N.
#    They run on THREADS threads (`--threads`, default 1). THREADS=2 sends W3's split products through
#    the worker pool, whose jobs are plain descriptors (no closure is boxed), so it allocates nothing either.
# 2. The engine's AllocationTests (training, evaluation and prediction for every head, with Adam, L1,
#    L2, dropout, clipping and a schedule) with the library preloaded and
#    DAM_REQUIRE_ALLOCATION_COUNTER=1, so the test fails instead of skipping if the counter is missing.
#
# Exits non-zero if either check fails.
#
#   bench/check-allocations.sh            # N = 100, all workloads
#   N=50 SCRATCH=.build-x bench/check-allocations.sh W3
#   THREADS=2 bench/check-allocations.sh  # the worker-pool path
#   DAM_BENCH=path/to/dam-bench bench/check-allocations.sh
set -euo pipefail
cd "$(dirname "$0")/.."
steps=${N:-100}
threads=${THREADS:-1}
scratch=${SCRATCH:-.build}
workloads=("${@:-W1 W2 W3 W4}")
read -r -a workloads <<<"${workloads[*]}"

if [[ -n "${DAM_BENCH:-}" ]]; then
  bench=$DAM_BENCH  # a prebuilt binary
else
  swift build -c release --product dam-bench --scratch-path "$scratch" >&2
  bench="$(swift build -c release --show-bin-path --scratch-path "$scratch")/dam-bench"
fi
counter="$(mktemp -d)/malloc-counter.so"
cc -O2 -shared -fPIC -o "$counter" bench/malloc-counter.c

count() {  # workload steps -> number of heap allocations of the whole process
  DAM_ALLOCATION_REPORT=1 LD_PRELOAD="$counter" "$bench" --workload "$1" --steps "$2" --threads "$threads" 2>&1 >/dev/null |
    awk '/heap allocations/ {print $3}'
}

status=0
printf '%-9s %18s %18s %14s\n' workload "allocs (1+$steps)" "allocs (1+$((10 * steps)))" "per extra step"
for workload in "${workloads[@]}"; do
  short=$(count "$workload" "$steps")
  long=$(count "$workload" $((10 * steps)))
  per=$(awk -v a="$short" -v b="$long" -v n=$((9 * steps)) 'BEGIN {printf "%.3f", (b - a) / n}')
  printf '%-9s %18s %18s %14s\n' "$workload" "$short" "$long" "$per"
  (( long - short < steps )) || status=1
done
if [[ $status == 0 ]]; then
  echo "OK: dam-bench workloads allocate nothing after warm-up"
else
  echo "FAIL: dam-bench training steps allocate after warm-up"
fi

swift build --build-tests --scratch-path "$scratch" >&2
if DAM_REQUIRE_ALLOCATION_COUNTER=1 LD_PRELOAD="$counter" \
  swift test --skip-build --scratch-path "$scratch" --filter AllocationTests; then
  echo "OK: AllocationTests passed with the counter preloaded"
else
  echo "FAIL: AllocationTests"
  status=1
fi
exit $status
