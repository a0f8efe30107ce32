#!/bin/sh
# Proves that training, evaluation and prediction allocate no heap memory after warm-up:
# builds a malloc-counting library, preloads it, and runs the engine's allocation test (which is
# skipped without the library). Linux/glibc only. Usage: bench/allocations/run.sh [swift test options]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
library="${TMPDIR:-/tmp}/dam-count-allocations.so"
cc -shared -fPIC -O2 -o "$library" "$here/count_allocations.c"
cd "$here/../.."
LD_PRELOAD="$library" swift test --filter "AllocationTests" "$@"
