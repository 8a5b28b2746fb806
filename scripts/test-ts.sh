#!/usr/bin/env bash
# `npm run test:ts`: the TypeScript side in full. Type check and lint of the tests, the unit tests on both
# aws-cdk-lib versions with coverage, the README snippets, the API checks, the example app, and Node.js 22.
set -euo pipefail
cd "$(dirname "$0")/.."
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20,22

step() { printf '\n=== %s\n' "$*"; }

bash scripts/build-if-stale.sh

step "type-check the tests"
npx tsc -p test/tsconfig.json

step "lint (zero warnings)"
npx eslint --max-warnings 0 .

step "unit tests (aws-cdk-lib floor and latest, with coverage)"
# The suites write the templates scripts/test-cfn.sh lints into test-reports/templates/: only this run's.
rm -rf test-reports/templates test-reports/jest.json
mkdir -p test-reports
npx jest --ci --coverage --json --outputFile=test-reports/jest.json
touch test-reports/templates/.complete  # they are all there: scripts/test-cfn.sh lints them without writing them again

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
# The library supports Node.js 20 and 22; the run above is on the machine's Node.js, so 22 comes from the npm registry.
NODE22="npx -y node@22.23.3"
$NODE22 examples/lib/synth.js > /dev/null
# (the paths come first: --selectProjects takes every argument after it as a project name)
$NODE22 node_modules/.bin/jest --ci test/websocket-stage.test.ts test/parity.test.ts test/route-settings.test.ts test/deployment.test.ts \
  --selectProjects "$(node -p "require('./jest.config.js').projects[0].displayName")"
