#!/usr/bin/env bash
# `npm run package`: every artifact a release publishes, built once by jsii-pacmak from the jsii assembly into dist/:
#   dist/js      the npm tarball
#   dist/python  the wheel and the sdist
#   dist/java    a Maven repository holding the jar, the sources jar, the javadoc jar and the pom
#   dist/go      the Go module's source, which the Go module repository receives as it is
#   dist/dotnet  the NuGet package, when a .NET SDK is on the PATH; otherwise one line says it was skipped
# `npm run test:package` checks them; release.yml publishes them. A passing run stamps dist/.package-passed, so
# that test:bindings, which tests these same packages, builds them only when they are out of date.
set -euo pipefail
cd "$(dirname "$0")/.."
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION="${JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION:-20,22}"
M2_REPO="${M2_REPO:-$HOME/.m2/repository}"

# It installs no system package: a missing tool stops the run, naming what to install.
for need in "python3:Python 3 with venv" "java:a JDK, Java 17 or later" "mvn:Maven"; do
  command -v "${need%%:*}" > /dev/null || { echo "package: '${need%%:*}' is not installed: install ${need#*:}" >&2; exit 1; }
done
bash scripts/build-if-stale.sh
# pacmak translates the README's examples from the rosetta tablet; the packages carry the translations.
if bash scripts/stale.sh .jsii.tabl.json lib/.build-passed rosetta; then
  npx jsii-rosetta extract --strict
fi
# pacmak's Python build makes its own venv: check here that python3 can, with a message naming what to install.
bash scripts/python-venv.sh

rm -rf dist/js dist/python dist/java dist/go dist/dotnet dist/.package-passed
targets=(js python java)
if command -v dotnet > /dev/null; then targets+=(dotnet); fi

# --no-npmignore: package.json "files" alone decides what the npm tarball holds. The Java build resolves the
# pom's dependency ranges against the local Maven repository (pacmak runs versions:resolve-ranges).
npx jsii-pacmak --no-npmignore --targets "${targets[@]}" --maven-local-repository="$M2_REPO"
# The Go module is published as source. --code-only because pacmak's Go build runs `go mod tidy` on the peer
# floor, aws-cdk-go v2.234.0, which the module proxy reachable here does not serve; test:bindings compiles and
# tests the module (test/go) instead.
npx jsii-pacmak --no-npmignore --code-only --targets go

echo
echo "Artifacts in dist/:"
find dist/js dist/python dist/java dist/go -type f \( -name '*.tgz' -o -name '*.whl' -o -name '*.tar.gz' \
  -o -name '*.jar' -o -name '*.pom' -o -name 'go.mod' \) | sort | sed 's/^/  /'
if [ -d dist/dotnet ]; then
  find dist/dotnet -type f -name '*.nupkg' | sort | sed 's/^/  /'
else
  echo "  dist/dotnet: skipped, no .NET SDK ('dotnet') on this machine; release.yml builds it (install the .NET 8 SDK to build it here)"
fi
touch dist/.package-passed
