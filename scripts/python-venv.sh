#!/usr/bin/env bash
# Makes sure the project's Python virtual environment .venv/ exists, with pip. It installs no system package:
# when python3 or its venv module is missing, it says what to install and fails.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/pip ] && exit 0
command -v python3 > /dev/null || { echo "python3 is not installed: install Python 3" >&2; exit 1; }
rm -rf .venv
if ! python3 -m venv .venv; then
  rm -rf .venv
  echo "python3 -m venv failed: install the python3-venv package (Debian, Ubuntu) or a Python that includes venv and ensurepip" >&2
  exit 1
fi
