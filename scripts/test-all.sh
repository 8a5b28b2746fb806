#!/usr/bin/env bash
# `npm test`: everything that proves the library works, in the order a failure is cheapest to find.
set -euo pipefail
cd "$(dirname "$0")/.."
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20,22

step() { printf '\n=== %s\n' "$*"; }

step "compile with jsii (warnings fail)"
npx jsii --fail-on-warnings

step "type-check the tests"
npx tsc -p test/tsconfig.json

step "unit tests (aws-cdk-lib floor and latest)"
npx jest --ci

step "README snippets compile (jsii-rosetta --strict)"
npx jsii-rosetta extract --strict

step "API.md is current"
bash scripts/check-api-md.sh

step "example app synthesizes"
node examples/synth.js > /dev/null
step "benchmark smoke run (N = 10, no timing asserted)"; node bench/run.js --smoke

echo
echo "All checks passed."
