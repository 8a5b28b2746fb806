#!/usr/bin/env bash
# Fails on a breaking change to the public API against api-baseline/ (the API as last released), printing the
# key of each change. A change that is meant to break goes, with its key, into api-baseline/allowed-breaks.txt
# (-k prints keys); --error-on all: the API's jsii stability is experimental (0.x), and its breaks fail all the same; `bash scripts/check-api-compat.sh --refresh` takes the current API as the new baseline on a release.
# The baseline assembly is kept as assembly.jsii, not .jsii: jsii-docgen reads every .jsii under the project, and a
# second cdk-websocket-stage@0.1.0 assembly would stand in for the current one in API.md.
set -euo pipefail
cd "$(dirname "$0")/.."
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION="${JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION:-20,22}"
if [ "${1:-}" = "--refresh" ]; then
  cp .jsii api-baseline/assembly.jsii
  node -e "
    const p = require('./package.json');
    const keep = ['name', 'version', 'description', 'license', 'author', 'repository', 'main', 'types', 'peerDependencies', 'jsii'];
    const base = Object.fromEntries(keep.filter((k) => k in p).map((k) => [k, p[k]]));
    require('fs').writeFileSync('api-baseline/package.json', JSON.stringify(base, null, 2) + '\n');"
  : > api-baseline/allowed-breaks.txt
  echo "api-baseline/ now holds the current API"
  exit 0
fi
# jsii-diff loads a directory holding package.json and .jsii; a dot directory inside the project resolves the
# baseline's dependencies from node_modules and is invisible to jsii-docgen even if left behind.
baseline=$(mktemp -d -p . .api-baseline.XXXXXX)
trap 'rm -rf "$baseline"' EXIT
cp api-baseline/package.json "$baseline/package.json"
cp api-baseline/assembly.jsii "$baseline/.jsii"
npx jsii-diff --keys --error-on all --ignore-file api-baseline/allowed-breaks.txt "$baseline" .
echo "no breaking change against api-baseline/"
