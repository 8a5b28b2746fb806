#!/usr/bin/env bash
# Runs `npm run build` unless the last build that passed is newer than everything jsii compiles from.
# The parts of the pipeline that need the built library call it, so that each works alone from a fresh `npm ci`.
set -euo pipefail
cd "$(dirname "$0")/.."
# `npm run build` touches lib/.build-passed when it passes. The age of .jsii would not do: jsii writes .jsii and
# lib/ even when a warning fails the build.
if bash scripts/stale.sh lib/.build-passed src package.json tsconfig.json README.md; then
  npm run -s build
fi
