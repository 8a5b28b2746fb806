#!/usr/bin/env bash
# Fails on a breaking change to the public API against api-baseline/ (the API as last released), printing the
# key of each change. A change that is meant to break goes, with its key, into api-baseline/allowed-breaks.txt
# (-k prints keys); `bash scripts/check-api-compat.sh --refresh` takes the current API as the new baseline on a release.
set -euo pipefail
cd "$(dirname "$0")/.."
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION="${JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION:-20,22}"
if [ "${1:-}" = "--refresh" ]; then
  cp .jsii api-baseline/.jsii
  node -e "
    const p = require('./package.json');
    const keep = ['name', 'version', 'description', 'license', 'author', 'repository', 'main', 'types', 'peerDependencies', 'jsii'];
    const base = Object.fromEntries(keep.filter((k) => k in p).map((k) => [k, p[k]]));
    require('fs').writeFileSync('api-baseline/package.json', JSON.stringify(base, null, 2) + '\n');"
  : > api-baseline/allowed-breaks.txt
  echo "api-baseline/ now holds the current API"
  exit 0
fi
npx jsii-diff --keys --ignore-file api-baseline/allowed-breaks.txt api-baseline .
echo "no breaking change against api-baseline/"
