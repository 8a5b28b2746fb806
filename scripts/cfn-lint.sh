#!/usr/bin/env bash
# Validates synthesized templates with cfn-lint: the example app, every feature fixture and the sample of fuzz
# cases that the unit tests kept in test-reports/templates/. Errors fail; warnings are printed.
set -euo pipefail
cd "$(dirname "$0")/.."
CFN_LINT="cfn-lint==1.58.0"

bash scripts/python-venv.sh
.venv/bin/pip install --quiet --disable-pip-version-check "$CFN_LINT"

templates=(examples/cdk.out/ChatStack.template.json test-reports/templates/*.json)
features=$(ls test-reports/templates/feature-*.json 2>/dev/null | wc -l)
fuzz=$(ls test-reports/templates/fuzz-*.json 2>/dev/null | wc -l)
if [ ! -f "${templates[0]}" ] || [ "$features" -eq 0 ] || [ "$fuzz" -eq 0 ]; then
  echo "cfn-lint: templates are missing (example: ${templates[0]}, features: $features, fuzz: $fuzz); run the unit tests and the example first" >&2
  exit 1
fi
# cfn-lint's exit code is a bit mask: 2 = error, 4 = warning, 8 = informational.
status=0
.venv/bin/cfn-lint --format parseable -- "${templates[@]}" || status=$?
if (( status & 2 )) || (( status & 1 )); then
  echo "cfn-lint found errors (exit $status)" >&2
  exit 1
fi
echo "cfn-lint: no errors in ${#templates[@]} templates (1 example, $features feature fixtures, $fuzz fuzz cases)"
