#!/usr/bin/env bash
# The language bindings, built from the jsii assembly and used as a consumer would:
#   Python (pacmak's wheel + pytest), Java (pacmak's jar + Maven/JUnit), Go (pacmak's module + go test),
#   .NET (generated code only: there is no .NET SDK), then a cross-language comparison of the seed app.
# It tests the packages `npm run package` wrote into dist/ (the ones a release publishes); when they are out of
# date, scripts/package-if-stale.sh builds the library and packages it first.
# Everything it needs is installed here: a venv in .venv/ (pip), Maven artifacts in ~/.m2, Go modules in
# ~/go/pkg/mod (M2_REPO, GOMODCACHE and GOCACHE move them, e.g. to time a cold run). Any failure fails
# the run; nothing is skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION="${JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION:-20,22}"

# Versions the consumers are tested with: the peer floors (package.json), except for Go, see test/go/go.mod.
AWS_CDK_LIB_PY="aws-cdk-lib==2.234.0"
CONSTRUCTS_PY="constructs==10.5.0"
PYTEST="pytest==9.2.0"
M2_REPO="${M2_REPO:-$HOME/.m2/repository}"
SEED_OUT="$ROOT/dist/seed"
# The jar's directory in a Maven repository: package.json's groupId and artifactId (jsii.targets.java.maven).
MAVEN_PATH="$(node -p "const m = require('./package.json').jsii.targets.java.maven; m.groupId.replace(/\./g, '/') + '/' + m.artifactId")"

started=$SECONDS
step_started=$SECONDS
current_step=""
# Prints the time the previous step took, then the header of the next one.
step() {
  [ -z "$current_step" ] || printf '    (%ss)\n' "$((SECONDS - step_started))"
  current_step="$*"
  step_started=$SECONDS
  printf '\n=== %s\n' "$*"
}

# It installs no system package: a missing tool stops the run, naming what to install.
for need in "python3:Python 3" "java:a JDK, Java 17 or later" "mvn:Maven" "go:Go"; do
  command -v "${need%%:*}" > /dev/null || { echo "test-bindings: '${need%%:*}' is not installed: install ${need#*:}" >&2; exit 1; }
done

step "prerequisites: node, python3 (with venv), java, mvn, go; the Python venv .venv/"
first_line() { local text; text="$("$@" 2>&1)"; echo "${text%%$'\n'*}"; }  # no pipe: `| head` can break mvn
first_line node --version; first_line python3 --version; first_line java -version
first_line mvn -B --version; first_line go version
# jsii-pacmak's Python build and our tests both need venv, which Debian's python3 ships separately.
bash scripts/python-venv.sh

step "the packages in dist/ (npm run package, when they are older than the build)"
bash scripts/package-if-stale.sh
ls dist/python/*.whl dist/java/$MAVEN_PATH/*/*.jar dist/go/cdkwebsocketstage/go.mod
rm -rf "$SEED_OUT"
mkdir -p "$SEED_OUT" test-reports

step "jsii-pacmak: generate the .NET code (no SDK here to build it; the release builds the package)"
# Into a folder of its own: dist/dotnet is the NuGet package, present only where a .NET SDK built it.
DOTNET_CODE="$ROOT/dist/.dotnet-code"
rm -rf "$DOTNET_CODE"
npx jsii-pacmak --no-npmignore --code-only --targets dotnet --outdir "$DOTNET_CODE"

step "TypeScript: synthesize the seed app (test/seed)"
node test/seed/run-seed.js "$SEED_OUT/typescript.template.json"

step "Python: install the wheel in .venv/ with $AWS_CDK_LIB_PY, $CONSTRUCTS_PY, $PYTEST"
.venv/bin/pip install --quiet --disable-pip-version-check "$AWS_CDK_LIB_PY" "$CONSTRUCTS_PY" "$PYTEST"
# the wheel's version does not change between builds: force the new one in, its dependencies are there
.venv/bin/pip install --quiet --disable-pip-version-check --force-reinstall --no-deps dist/python/*.whl
.venv/bin/pip check

step "Python: pytest test/python"
SEED_TEMPLATE_OUT="$SEED_OUT/python.template.json" .venv/bin/python -m pytest test/python -p no:cacheprovider -q \
  --junitxml=test-reports/pytest.xml  # (test-reports/: the counts npm test sums up)

step "Java: mvn test in test/java (jar from dist/java, aws-cdk-lib 2.234.0 from Maven Central)"
# Maven keeps a copy of the jar it resolved; drop it so that this build's jar is the one tested.
rm -rf "${M2_REPO:?}/$MAVEN_PATH"
mvn -B --no-transfer-progress -Dstyle.color=never -f test/java/pom.xml \
  -Dmaven.repo.local="$M2_REPO" \
  -Dcdkwebsocketstage.repo="file://$ROOT/dist/java" \
  -Dseed.template.out="$SEED_OUT/java.template.json" \
  test

step "Go: go test in test/go (module from dist/go)"
(cd test/go && SEED_TEMPLATE_OUT="$SEED_OUT/go.template.json" go test -count=1 -v ./...) | tee test-reports/go-test.txt

step ".NET: the generated project is there (no SDK to build it)"
dotnet_dir="$DOTNET_CODE/dotnet/CdkWebSocketStage"
for f in "$dotnet_dir/CdkWebSocketStage.csproj" "$dotnet_dir/CdkWebSocketStage/WebSocketStage.cs" \
         "$dotnet_dir/CdkWebSocketStage/IWebSocketStage.cs" "$dotnet_dir/CdkWebSocketStage/IAccessLogSettings.cs" \
         "$dotnet_dir/cdk-websocket-stage-0.1.0.tgz"; do
  [ -s "$f" ] || { echo "missing or empty: $f" >&2; exit 1; }
  echo "ok   $f"
done
# Each expected line of the generated C#, with the file it must be in.
expect_line() {
  grep -qF -- "$2" "$1" || { echo "not found in $1: $2" >&2; exit 1; }
}
expect_line "$dotnet_dir/CdkWebSocketStage/WebSocketStage.cs" 'public class WebSocketStage : Amazon.CDK.Resource, CdkWebSocketStage.IWebSocketStage'
expect_line "$dotnet_dir/CdkWebSocketStage.csproj" '<PackageReference Include="Amazon.CDK.Lib" Version="[2.234.0,3.0.0)" />'
expect_line "$dotnet_dir/CdkWebSocketStage.csproj" '<PackageId>CdkWebSocketStage</PackageId>'
echo "ok   class WebSocketStage (a Resource and an IWebSocketStage), package CdkWebSocketStage, Amazon.CDK.Lib [2.234.0,3.0.0)"

step "cross-language: the seed app's Stage, ApiMapping, IAM Policy and outputs are identical"
node scripts/compare-seed-templates.js \
  typescript="$SEED_OUT/typescript.template.json" \
  python="$SEED_OUT/python.template.json" \
  java="$SEED_OUT/java.template.json" \
  go="$SEED_OUT/go.template.json"

printf '    (%ss)\n' "$((SECONDS - step_started))"
echo
echo "Bindings checks passed in $((SECONDS - started))s."
