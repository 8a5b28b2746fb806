#!/usr/bin/env bash
# Fails when the committed API.md differs from what jsii-docgen makes of the current assembly.
set -euo pipefail
cd "$(dirname "$0")/.."
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION="${JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION:-20,22}"
fresh=$(mktemp --suffix=.md)
trap 'rm -f "$fresh"' EXIT
npx jsii-docgen -o "$fresh"
if ! diff -u API.md "$fresh" > /dev/null 2>&1; then
  diff -u API.md "$fresh" | head -60 || true
  echo "API.md is stale (or missing): run 'npm run docgen' and commit API.md" >&2
  exit 1
fi
echo "API.md is current"
