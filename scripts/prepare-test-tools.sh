#!/usr/bin/env bash
# Prepares the pinned Python tools that some tests drive (Optuna for the sweep recipe test, TensorBoard's
# event reader for the event-file test), in a virtualenv of their own:
# ${DAM_TEST_CACHE:-$HOME/.cache/dam-tui}/test-venv. `.ci/run` calls this before `swift test`; the tests
# never install anything. Run it once by hand to run those tests locally.
set -euo pipefail
cd "$(dirname "$0")/.."

venv="${DAM_TEST_CACHE:-$HOME/.cache/dam-tui}/test-venv"
requirements=Tests/requirements.txt
stamp="$venv/.requirements"
if [ -x "$venv/bin/python" ] && cmp -s "$requirements" "$stamp"; then
  echo "test tools ready in $venv"
  exit 0
fi
python3 -m venv "$venv"
"$venv/bin/pip" install -q --disable-pip-version-check -r "$requirements"
cp "$requirements" "$stamp"
echo "test tools installed in $venv"
