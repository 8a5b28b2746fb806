#!/usr/bin/env bash
# `npm run build`: jsii compiles lib/ and the .jsii assembly (a warning fails it), then the generated docs are
# written from what it built: the README's generated parts (scripts/docs.js) and API.md (jsii-docgen). The README
# is part of the assembly, so a README that changed is compiled again. A passing build stamps lib/.build-passed.
set -euo pipefail
cd "$(dirname "$0")/.."
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION="${JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION:-20,22}"

npx jsii --fail-on-warnings
readme_before=$(cksum < README.md)
node scripts/docs.js
if [ "$(cksum < README.md)" != "$readme_before" ]; then
  npx jsii --fail-on-warnings
fi
npx jsii-docgen -o API.md
touch lib/.build-passed
