#!/usr/bin/env bash
# Fails when the committed API.md differs from what jsii-docgen makes of the current assembly.
set -euo pipefail
cd "$(dirname "$0")/.."
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION="${JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION:-20,22}"
fresh=$(mktemp --suffix=.md)
trap 'rm -f "$fresh"' EXIT
npx jsii-docgen -o "$fresh"
# jsii-docgen documents whichever cdk-websocket-stage assembly it finds under the project: make sure it was this one.
node -e "
  const assembly = JSON.parse(require('fs').readFileSync('.jsii', 'utf8'));
  const doc = require('fs').readFileSync(process.argv[1], 'utf8');
  const ids = Object.values(assembly.types).flatMap((type) =>
    [type.fqn, ...(type.methods ?? []).map((method) => type.fqn + '.' + method.name),
    ...(type.properties ?? []).map((property) => type.fqn + '.property.' + property.name)]);
  const missing = ids.filter((id) => !doc.includes('id=\"' + id + '\"'));
  if (missing.length > 0) {
    console.error('jsii-docgen did not document the built assembly; missing: ' + missing.join(', '));
    process.exit(1);
  }" "$fresh"
if ! diff -u API.md "$fresh" > /dev/null 2>&1; then
  diff -u API.md "$fresh" | head -60 || true
  echo "API.md is stale (or missing): run 'npm run build' and commit API.md" >&2
  exit 1
fi
echo "API.md is current"
