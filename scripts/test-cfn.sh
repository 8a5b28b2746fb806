#!/usr/bin/env bash
# `npm run test:cfn`: cfn-lint (from PyPI, in .venv/) validates the example app's template, every feature fixture
# and a sample of the fuzz cases. Errors fail; warnings are printed.
# The templates come from the example and from two unit suites (template-export, property), which `npm run test:ts`
# runs anyway: what that run left is linted as it is, and whatever is missing or out of date is made here.
set -euo pipefail
cd "$(dirname "$0")/.."
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20,22
CFN_LINT="cfn-lint==1.58.0"
EXAMPLE=examples/cdk.out/ChatStack.template.json
TEMPLATES=test-reports/templates
# Written once the unit suites have finished writing $TEMPLATES (here or by scripts/test-ts.sh).
COMPLETE="$TEMPLATES/.complete"

bash scripts/build-if-stale.sh
if bash scripts/stale.sh "$EXAMPLE" lib/.build-passed examples/*.ts; then
  echo "synthesizing the example app"
  npx tsc -p examples
  node examples/lib/synth.js > /dev/null
fi
if bash scripts/stale.sh "$COMPLETE" src test/*.ts jest.config.js; then
  echo "writing the feature fixtures' and fuzz cases' templates (jest, aws-cdk-lib floor)"
  rm -rf "$TEMPLATES"
  # (the paths come first: --selectProjects takes every argument after it as a project name)
  npx jest --ci test/template-export.test.ts test/property.test.ts \
    --selectProjects "$(node -p "require('./jest.config.js').projects[0].displayName")"
  touch "$COMPLETE"
fi

bash scripts/python-venv.sh
.venv/bin/pip install --quiet --disable-pip-version-check "$CFN_LINT"

shopt -s nullglob
features=("$TEMPLATES"/feature-*.json)
fuzz=("$TEMPLATES"/fuzz-*.json)
if [ "${#features[@]}" -eq 0 ] || [ "${#fuzz[@]}" -eq 0 ]; then
  echo "cfn-lint: the unit suites wrote ${#features[@]} feature fixtures and ${#fuzz[@]} fuzz cases to $TEMPLATES; both must be some" >&2
  exit 1
fi
# cfn-lint's exit code is a bit mask: 2 = error, 4 = warning, 8 = informational.
status=0
.venv/bin/cfn-lint --format parseable -- "$EXAMPLE" "${features[@]}" "${fuzz[@]}" || status=$?
if (( status & 2 )) || (( status & 1 )); then
  echo "cfn-lint found errors (exit $status)" >&2
  exit 1
fi
echo "cfn-lint: no errors in $((1 + ${#features[@]} + ${#fuzz[@]})) templates (1 example, ${#features[@]} feature fixtures, ${#fuzz[@]} fuzz cases)"
