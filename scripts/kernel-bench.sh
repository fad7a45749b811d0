#!/usr/bin/env bash
# Kindling's Jupyter kernel beside ipykernel: start-up to kernel_info_reply and execute
# round trips (scripts/kernel-bench.py). ipykernel goes into .venv-test for this only.
set -euo pipefail
cd "$(dirname "$0")/.."
KINDLING=$(realpath "${1:-.build-bench/release/kindling}")
VENV=.venv-test
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/python" -c "import jupyter_client, ipykernel" 2>/dev/null \
  || "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check jupyter_client ipykernel
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
"$KINDLING" kernel install --prefix "$scratch" >/dev/null
"$VENV/bin/python" -m ipykernel install --prefix "$scratch" --name python3 >/dev/null
export JUPYTER_PATH="$scratch/share/jupyter" JUPYTER_RUNTIME_DIR="$scratch/runtime" JUPYTER_PLATFORM_DIRS=1
"$VENV/bin/python" scripts/kernel-bench.py kindling python3
