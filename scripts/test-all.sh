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

step "lint (zero warnings)"
npx eslint --max-warnings 0 .

step "unit tests (aws-cdk-lib floor and latest)"
rm -rf test-reports && mkdir -p test-reports  # templates kept for cfn-lint come from this run only
npx jest --ci --coverage --json --outputFile=test-reports/jest.json

step "README snippets compile (jsii-rosetta --strict)"
npx jsii-rosetta extract --strict

step "no breaking API change (jsii-diff against api-baseline/)"
bash scripts/check-api-compat.sh

step "API.md is current"
bash scripts/check-api-md.sh

step "example app synthesizes"
npx tsc -p examples
node examples/lib/synth.js

step "Node.js 22: the example app and the core unit tests"
# The library supports Node.js 20 and 22; this run is on the machine's Node.js, so 22 comes from the npm registry.
NODE22="npx -y node@22.23.3"
$NODE22 examples/lib/synth.js > /dev/null
# (the paths come first: --selectProjects takes every argument after it as a project name)
$NODE22 node_modules/.bin/jest --ci test/websocket-stage.test.ts test/parity.test.ts test/route-settings.test.ts test/deployment.test.ts \
  --selectProjects "$(node -p "require('./jest.config.js').projects[0].displayName")"

step "templates pass cfn-lint (example, feature fixtures, fuzz sample)"
bash scripts/cfn-lint.sh

# Python, Java, Go and .NET consumers; after rosetta, whose tablet pacmak uses for the README translations.
bash scripts/test-bindings.sh

step "benchmark smoke run (N = 10, no timing asserted; Python too once the bindings made .venv)"
node bench/run.js --smoke

echo
node -e "const r = require('./test-reports/jest.json'); console.log('unit: ' + r.numPassedTests + ' passed, ' + r.numFailedTests + ' failed')"
