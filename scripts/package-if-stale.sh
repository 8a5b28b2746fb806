#!/usr/bin/env bash
# Runs `npm run package` unless the packages in dist/ are newer than everything they are built from: the parts of
# the pipeline that use the packages (test:package, test:bindings) call it, so that each works alone and none
# rebuilds what another just built.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build-if-stale.sh
if bash scripts/stale.sh dist/.package-passed lib/.build-passed .jsii.tabl.json rosetta package.json scripts/package.sh; then
  bash scripts/package.sh
fi
