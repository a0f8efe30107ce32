#!/bin/sh
# Runs the trials of a dam-tui sweep as independent `dam-tui train` processes, JOBS at a time, with xargs -P
# (swap in GNU parallel: `parallel -j JOBS < commands.txt`). See docs/distributed-sweeps.md.
#
#   scripts/sweep-xargs.sh OUTDIR JOBS SWEEP-ARGUMENTS...
#   scripts/sweep-xargs.sh runs 4 --preset default --vary training.learning_rate=log:1e-4..1 \
#       --vary model.init=he-normal,xavier-uniform --trials 16 --budget 1000 --seed 1
#
# `dam-tui sweep ... --print-commands` lists one `dam-tui train` command per sampled trial (the full budget:
# plain random search; successive halving is the single-machine sweep's job). Each trial writes
# OUTDIR/trial-N.jsonl; at the end the trials are listed best first by their final val_loss.
# dam-tui must be on PATH.
set -eu
if [ $# -lt 3 ]; then
  echo "usage: $0 OUTDIR JOBS SWEEP-ARGUMENTS..." >&2
  exit 2
fi
out=$1
jobs=$2
shift 2
mkdir -p "$out"
dam-tui sweep "$@" --print-commands >"$out/commands.txt"
# One line per trial: its command plus its own JSON-lines file; xargs -0 keeps the shell quoting intact.
awk -v out="$out" '{ printf "%s --quiet --jsonl %s/trial-%d.jsonl\n", $0, out, NR - 1 }' "$out/commands.txt" |
  tr '\n' '\0' | xargs -0 -n 1 -P "$jobs" sh -c 'eval "$1"' sh
# The final record of each trial: "val_loss trial status", best first (diverged trials have val_loss null).
for file in "$out"/trial-*.jsonl; do
  trial=${file##*/trial-}
  tail -n 1 "$file" |
    sed -n "s/.*\"val_loss\":\([^,]*\),.*\"status\":\"\([a-z]*\)\".*/\1 ${trial%.jsonl} \2/p"
done | sort -g >"$out/results.txt"
echo "val_loss trial status"
cat "$out/results.txt"
