#!/usr/bin/env bash
# `npm run test:package`: the release, checked before a tag publishes it:
#   - the GitHub workflows pass actionlint (scripts/check-workflows.sh);
#   - the artifacts in dist/ are what each registry and its users need (test/package, pytest): the npm tarball's
#     exact contents, twine check on the wheel and sdist, the wheel installed into a fresh venv and used, the
#     jar, sources, javadoc and a pom with what Maven Central requires, the Go module's name and version.
# Packages first (`npm run package`) when dist/ is older than the build. Installs no system package.
set -euo pipefail
cd "$(dirname "$0")/.."
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION="${JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION:-20,22}"
PYTEST="pytest==9.2.0"
TWINE="twine==6.1.0"  # the major version publib-pypi uploads with

bash scripts/check-workflows.sh

bash scripts/package-if-stale.sh

bash scripts/python-venv.sh
.venv/bin/pip install --quiet --disable-pip-version-check "$PYTEST" "$TWINE"
mkdir -p test-reports
.venv/bin/python -m pytest test/package -p no:cacheprovider -q -rs --junitxml=test-reports/pytest-package.xml
