#!/usr/bin/env bash
# `npm run test:docs`: the docs checks, early and quick (about 30 s from a fresh build, a few seconds after):
# the generated parts of the README and API.md match the built library, the README's snippets compile, and
# test/docs.test.ts (README size and links, the layout in CONTRIBUTING.md names every src file).
# In CI (CI=true, a fresh clone) the generated files must also be the committed ones: the build rewrites them.
set -euo pipefail
cd "$(dirname "$0")/.."
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20,22

step() { printf '\n=== %s\n' "$*"; }

bash scripts/build-if-stale.sh

step "generated docs are current (README tables, API.md)"
node scripts/docs.js --check
bash scripts/check-api-md.sh
if [ "${CI:-}" = "true" ] && git rev-parse --git-dir > /dev/null 2>&1; then
  if ! git diff --exit-code --stat -- README.md API.md; then
    echo "the build regenerated README.md or API.md: run 'npm run build' and commit them" >&2
    exit 1
  fi
fi

step "README snippets compile (jsii-rosetta --strict)"
npx jsii-rosetta extract --strict

step "README, docs and CONTRIBUTING"
# (the path comes first: --selectProjects takes every argument after it as a project name)
npx jest --ci test/docs.test.ts --selectProjects "$(node -p "require('./jest.config.js').projects[0].displayName")"
