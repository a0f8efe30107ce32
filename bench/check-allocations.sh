#!/usr/bin/env bash
# Shows that a training step allocates no heap memory after warm-up.
#
# Runs each dam-bench training workload for 1 + N and for 1 + 10 N steps (`dam-bench --steps`) under
# an LD_PRELOAD library that counts every malloc, calloc, realloc, posix_memalign and aligned_alloc
# (bench/malloc-counter.c) and prints the totals. Setup (building the networks and the data) allocates
# about the same in both runs (the runtime varies by a few allocations from run to run), so totals
# that differ by far less than the 9 N extra steps mean those steps allocated nothing; one
# allocation per step would add 9 N.
#
#   bench/check-allocations.sh            # N = 100, all workloads
#   N=50 SCRATCH=.build-x bench/check-allocations.sh W3
#   DAM_BENCH=path/to/dam-bench bench/check-allocations.sh
set -euo pipefail
cd "$(dirname "$0")/.."
steps=${N:-100}
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
cc -O2 -shared -fPIC -o "$counter" bench/malloc-counter.c -ldl

count() {  # workload steps -> number of heap allocations of the whole process
  LD_PRELOAD="$counter" "$bench" --workload "$1" --steps "$2" 2>&1 >/dev/null | awk '/heap allocations/ {print $3}'
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
  echo "OK: no heap allocation after warm-up"
else
  echo "FAIL: training steps allocate after warm-up"
fi
exit $status
