#!/bin/sh
# One Optuna worker driving `dam-tui train`: asks the study for trials, trains each, tells it the final
# validation loss. Create the study once (`optuna create-study --storage STORAGE --study-name STUDY
# --direction minimize`), then start this worker on as many machines as you like against that storage
# (SQLite on one machine, PostgreSQL or MySQL across machines); they share the study.
# See docs/distributed-sweeps.md.
#
#   scripts/sweep-optuna.sh STORAGE STUDY TRIALS BUDGET SEARCH-SPACE-JSON [dam-tui train arguments...]
#   scripts/sweep-optuna.sh sqlite:///sweep.db lr 20 1000 \
#       '{"training.learning_rate": {"name": "FloatDistribution", "attributes": {"low": 1e-4, "high": 1, "log": true}}}' \
#       --preset default --seed 1
#
# Parameter names are preset keys: each asked value becomes `--set key=value`. Needs `optuna`, `python3`
# (the one optuna is installed in) and `dam-tui` on PATH.
set -eu
if [ $# -lt 5 ]; then
  echo "usage: $0 STORAGE STUDY TRIALS BUDGET SEARCH-SPACE-JSON [dam-tui train arguments...]" >&2
  exit 2
fi
storage=$1
study=$2
trials=$3
budget=$4
space=$5
shift 5
done_trials=0
while [ "$done_trials" -lt "$trials" ]; do
  asked=$(optuna ask --storage "$storage" --study-name "$study" --search-space "$space" -f json 2>/dev/null)
  number=$(printf '%s' "$asked" | python3 -c 'import json, sys; print(json.load(sys.stdin)["number"])')
  # The asked parameters as --set arguments, one per line (strings bare, numbers as Python prints them).
  settings=$(printf '%s' "$asked" | python3 -c '
import json, sys
for key, value in json.load(sys.stdin)["params"].items():
    print("--set")
    print(f"{key}={value}")')
  # shellcheck disable=SC2086 # one argument per line
  final=$(IFS='
'; dam-tui train "$@" $settings --steps "$budget" --jsonl - --quiet | tail -n 1)
  loss=$(printf '%s' "$final" | python3 -c 'import json, sys; v = json.load(sys.stdin)["val_loss"]; print("" if v is None else v)')
  if [ -n "$loss" ]; then
    optuna tell --storage "$storage" --study-name "$study" --trial-number "$number" --values "$loss" -q 2>/dev/null
  else
    optuna tell --storage "$storage" --study-name "$study" --trial-number "$number" --state fail -q 2>/dev/null
  fi
  echo "trial $number val_loss ${loss:-diverged}"
  done_trials=$((done_trials + 1))
done
