#!/usr/bin/env bash
# Makes sure the project's Python virtual environment .venv/ exists. Debian ships venv separately from python3,
# so it is installed when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/python ] && ! python3 -m venv .venv; then
  rm -rf .venv
  apt-get update -qq && apt-get install -y -qq python3-venv
  python3 -m venv .venv
fi
