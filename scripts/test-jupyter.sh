#!/usr/bin/env bash
# Tests `kindling kernel` with the real Jupyter clients (jupyter_client, nbclient):
# installs them into a project-local venv (.venv-test, only what is missing), installs
# the kernelspec into a temporary prefix that JUPYTER_PATH points at, runs pytest.
# Usage: scripts/test-jupyter.sh [PATH/TO/kindling]   (default .build/release/kindling)
set -euo pipefail
cd "$(dirname "$0")/.."
KINDLING=$(realpath "${1:-.build/release/kindling}")
VENV=.venv-test
PACKAGES=(jupyter_client nbclient nbformat pytest)

if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
fi
if ! "$VENV/bin/python" -c "import jupyter_client, nbclient, nbformat, pytest" 2>/dev/null; then
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "${PACKAGES[@]}"
fi

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
"$KINDLING" kernel install --prefix "$scratch" >/dev/null
export JUPYTER_PATH="$scratch/share/jupyter"
export JUPYTER_RUNTIME_DIR="$scratch/runtime"
export JUPYTER_PLATFORM_DIRS=1
export KINDLING="$KINDLING"
exec "$VENV/bin/python" -m pytest -q -p no:cacheprovider Tests/JupyterKernel "${@:2}"
