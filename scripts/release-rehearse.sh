#!/usr/bin/env bash
# `npm run release:rehearse`: the release of the artifacts `npm run package` left in dist/ (nothing is rebuilt),
# published with publib to registries this script starts on 127.0.0.1, then installed from each as a user would.
#   npm    Verdaccio (its default configuration: other packages come through its uplink) with a user of its own;
#          scripts/publish.sh npm; a fresh TypeScript CDK app installs the library from it and synthesizes a stage.
#   PyPI   pypiserver (other packages through its fallback); scripts/publish.sh pypi; a fresh venv pip-installs
#          the library from it and synthesizes a stage.
#   Maven  the release's signing path (publib-maven, central-ossrh) with a GPG key made for the run, up to the
#          staging upload, which has no Central Portal here; then scripts/publish.sh maven with a server id of its
#          own into a Maven repository on 127.0.0.1 (scripts/rehearse/maven-repository.js); a fresh Maven project
#          depends on the published coordinates, compiles and synthesizes a stage.
#   Go     a bare git repository stands for the Go module's GitHub repository: git's url.<base>.insteadOf sends
#          publib-golang's clone and push there; a fresh Go module requires the tagged version and synthesizes.
#   NuGet  only where a .NET SDK built dist/dotnet; otherwise skipped, saying why.
# Then it publishes the same version again, as a re-run of a failed publish job would, and checks that each
# registry kept what it had (a skip or a clear error, never a half-published release). It ends with one line per
# registry: `<registry>: published <version>, installed from it, ok`.
# Every server it starts is stopped by its process id when it ends, failed or not; every step has a time limit.
#   --only npm,pypi,maven,go   rehearse these registries only
#   DIST_DIR=<dir>             the artifacts to publish (default dist; test/rehearsal proves a broken one fails)
# Needs: Node.js, python3 with venv, a JDK and Maven, Go, git and gpg (scripts/rehearse/tools.sh installs gpg with
# apt-get where it is missing, and pypiserver into .venv/); Verdaccio and publib are devDependencies.
set -euo pipefail
cd "$(dirname "$0")/.."
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION="${JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION:-20,22}"
# `npm run` exports its settings as npm_config_* (its prefix, its user config...): a user's fresh app and the
# publish jobs run without them, and so do the steps here. (NPM_CONFIG_*, a person's own settings, stay.)
while read -r variable; do unset "$variable"; done < <(compgen -e | grep '^npm_config_' || true)
export DIST_DIR="${DIST_DIR:-dist}"
DIST="$(cd "$DIST_DIR" 2>/dev/null && pwd)" || { echo "release:rehearse: no $DIST_DIR: run 'npm run package' first" >&2; exit 1; }

only="npm,pypi,maven,go"
if [ "${1:-}" = "--only" ]; then only="$2"; fi
wants() { [[ ",$only," == *",$1,"* ]]; }

NAME="$(node -p "require('./package.json').name")"
LIB_VERSION="$(node -p "require('./package.json').version")"
GROUP_ID="$(node -p "require('./package.json').jsii.targets.java.maven.groupId")"
ARTIFACT_ID="$(node -p "require('./package.json').jsii.targets.java.maven.artifactId")"
JAVA_PACKAGE="$(node -p "require('./package.json').jsii.targets.java.package")"
PY_MODULE="$(node -p "require('./package.json').jsii.targets.python.module")"
GO_MODULE="$(node -p "require('./package.json').jsii.targets.go.moduleName")"
GO_PACKAGE="$(node -p "require('./package.json').jsii.targets.go.packageName")"
GO_REPO="$(echo "$GO_MODULE" | cut -d/ -f1-3)"  # publib-golang's repository: the module path's first three elements
M2_REPO="${M2_REPO:-$HOME/.m2/repository}"
USER_GOMODCACHE="$(go env GOMODCACHE)"

bash scripts/rehearse/tools.sh

RUN="$(mktemp -d "${TMPDIR:-/tmp}/release-rehearse.XXXXXX")"
pids=()
cleanup() {
  local status=$?
  for pid in "${pids[@]}"; do kill "$pid" 2> /dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2> /dev/null || true; done
  chmod -R u+w "$RUN" 2> /dev/null || true  # the Go module cache is read-only
  rm -rf "$RUN"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

started=$SECONDS
# step <seconds> <description> <command...>: runs the command with a time limit, its output in a log; on failure
# prints the log's end and stops the rehearsal.
step() {
  local limit="$1" what="$2"; shift 2
  local log="$RUN/logs/$(date +%s%N).log" t=$SECONDS
  mkdir -p "$RUN/logs"
  printf '  %-78s' "$what"
  # through bash, so that the command may be one of this script's functions (exported below)
  if timeout --kill-after=10 "$limit" bash -c '"$@"' _ "$@" > "$log" 2>&1; then
    printf ' %4ss\n' "$((SECONDS - t))"
  else
    local rc=$?
    printf ' FAILED\n'
    [ "$rc" -eq 124 ] && echo "    (stopped after its time limit, ${limit}s)"
    tail -n 40 "$log" | sed 's/^/    | /'
    echo "release:rehearse: failed: $what" >&2
    exit 1
  fi
}
# run_logged <seconds> <command...>: the command with a time limit, its output in $LAST_LOG, its status returned
# (the re-publish, which may succeed or fail: what it did is checked afterwards).
LAST_LOG=""
run_logged() {
  local limit="$1"; shift
  LAST_LOG="$RUN/logs/$(date +%s%N).log"
  mkdir -p "$RUN/logs"
  timeout --kill-after=10 "$limit" "$@" > "$LAST_LOG" 2>&1
}
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_for() {  # wait_for <url> <pid>: until the server answers, or its process ends, for 60 s at most
  for _ in $(seq 1 120); do
    curl -s -o /dev/null "$1" && return 0
    kill -0 "$2" 2> /dev/null || return 1
    sleep 0.5
  done
  return 1
}
# Publishing runs with a HOME of its own: publib-npm writes ~/.npmrc and publib-pypi pip-installs twine --user.
PUBLISH_HOME="$RUN/home"
mkdir -p "$PUBLISH_HOME" "$RUN/bin"
ln -s "$(python3 -c 'import sys; print(sys.executable)')" "$RUN/bin/python3"  # not a shim that reads HOME
PUBLISH=(env HOME="$PUBLISH_HOME" PATH="$RUN/bin:$PATH" MAVEN_OPTS="-Dmaven.repo.local=$M2_REPO" bash scripts/publish.sh)
sums() { (cd "$1" && find . -type f ! -name '*.part' -print0 | sort -z | xargs -0 sha256sum); }

export NAME LIB_VERSION DIST DIST_DIR GROUP_ID ARTIFACT_ID JAVA_PACKAGE PY_MODULE GO_MODULE GO_PACKAGE RUN M2_REPO

echo "release:rehearse: $NAME $LIB_VERSION from $DIST_DIR/ (run directory $RUN)"
declare -A results

# --- npm -----------------------------------------------------------------------------------------------------
rehearse_npm() {
  echo "npm"
  local dir="$RUN/npm" port token
  mkdir -p "$dir"
  port="$(free_port)"
  node scripts/rehearse/verdaccio-config.js "$dir" > "$dir/config.yaml"
  node_modules/.bin/verdaccio --config "$dir/config.yaml" --listen "127.0.0.1:$port" > "$dir/verdaccio.log" 2>&1 &
  pids+=($!)
  step 60 "start Verdaccio on 127.0.0.1:$port" wait_for "http://127.0.0.1:$port/-/ping" "$!"
  token="$(curl -sf -X PUT "http://127.0.0.1:$port/-/user/org.couchdb.user:rehearsal" -H 'content-type: application/json' \
    -d '{"name": "rehearsal", "password": "rehearsal-password"}' | node -pe 'JSON.parse(require("fs").readFileSync(0)).token')"
  [ -n "$token" ] && [ "$token" != undefined ] || { echo "could not add Verdaccio's user" >&2; exit 1; }
  # NPM_REGISTRY is publib's host[:port]; DISABLE_HTTPS because this one speaks plain HTTP on loopback.
  local -a env=(NPM_REGISTRY="127.0.0.1:$port" NPM_TOKEN="$token" DISABLE_HTTPS=true)
  step 180 "publish: scripts/publish.sh npm (publib-npm)" env "${env[@]}" "${PUBLISH[@]}" npm

  # A user's fresh TypeScript CDK app, with the registry as its only one.
  local app="$dir/app"
  mkdir -p "$app"
  echo "registry=http://127.0.0.1:$port/" > "$app/.npmrc"
  (cd "$app" && npm init -y > /dev/null)
  cat > "$app/tsconfig.json" << 'EOF'
{ "compilerOptions": { "target": "es2022", "module": "node20", "moduleResolution": "node16", "strict": true, "skipLibCheck": true, "types": ["node"] } }
EOF
  cat > "$app/app.ts" << EOF
import { App, Stack } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { WebSocketStage } from '$NAME';

const app = new App();
const stack = new Stack(app, 'S');
new WebSocketStage(stack, 'Stage', { webSocketApi: new apigwv2.WebSocketApi(stack, 'Api'), stageName: 'prod' });
const resources = Object.values(app.synth().getStackByName('S').template.Resources as Record<string, any>);
console.log(JSON.stringify(resources.filter((r) => r.Type === 'AWS::ApiGatewayV2::Stage').map((r) => r.Properties.StageName)));
EOF
  step 420 "install: npm install $NAME aws-cdk-lib constructs typescript (from Verdaccio)" \
    bash -c "cd '$app' && npm install --no-audit --no-fund --userconfig '$app/.npmrc' '$NAME@$LIB_VERSION' aws-cdk-lib constructs typescript@6.0.3 @types/node@20"
  step 60 "the installed $NAME is the published tarball" check_npm_installed "$app" "$port"
  step 180 "synthesize: tsc && node app.js" check_synth "prod" bash -c "cd '$app' && npx tsc -p . && node app.js"

  # The same version again, as a re-run of the publish job would.
  local before after
  before="$(sums "$dir/storage/$NAME")"
  if run_logged 180 env "${env[@]}" "${PUBLISH[@]}" npm; then
    grep -q 'SKIPPING: already published' "$LAST_LOG" || { echo "npm: the re-publish succeeded without a skip" >&2; tail "$LAST_LOG"; exit 1; }
    results[npm]="skipped (SKIPPING: already published)"
  else
    results[npm]="refused, exit 1: $(grep -o 'this package is already present\|E409[^"]*\|EPUBLISHCONFLICT' "$LAST_LOG" | head -1)"
  fi
  after="$(sums "$dir/storage/$NAME")"
  [ "$before" = "$after" ] || { echo "npm: the re-publish changed what Verdaccio holds" >&2; exit 1; }
  echo "  publish again: ${results[npm]}; Verdaccio's $NAME is unchanged"
  results[npm.ok]=1
}
check_npm_installed() {  # the installed package came from Verdaccio, with the tarball's own integrity
  local lock="$1/package-lock.json" port="$2"
  node -e '
    const [lock, name, version, port, tgz] = process.argv.slice(1);
    const entry = require(lock).packages[`node_modules/${name}`];
    const integrity = "sha512-" + require("crypto").createHash("sha512").update(require("fs").readFileSync(tgz)).digest("base64");
    if (entry.version !== version) throw new Error(`installed ${entry.version}, not ${version}`);
    if (!entry.resolved.startsWith(`http://127.0.0.1:${port}/`)) throw new Error(`resolved from ${entry.resolved}`);
    if (entry.integrity !== integrity) throw new Error(`integrity ${entry.integrity} is not the one of ${tgz}`);
    console.log(entry.resolved, entry.integrity);
  ' "$lock" "$NAME" "$LIB_VERSION" "$port" "$(ls "$DIST"/js/*.tgz)"
}
check_synth() {  # check_synth <stage name> <command...>: the command prints the stages' names as JSON
  local expected="$1"; shift
  local out
  out="$("$@" | sed 's/\x1b\[[0-9;]*m//g' | grep -v '^\s*$')"  # without colours (mvn) and empty lines
  echo "$out"
  [ "$(echo "$out" | tail -n 1)" = "[\"$expected\"]" ] || { echo "expected one stage named $expected" >&2; return 1; }
}

# --- PyPI ----------------------------------------------------------------------------------------------------
rehearse_pypi() {
  echo "PyPI"
  local dir="$RUN/pypi" port
  mkdir -p "$dir/packages"
  port="$(free_port)"
  # -P . -a .: no authentication, so any token uploads; the fallback (pypiserver's default) serves the others.
  .venv/bin/pypi-server run -i 127.0.0.1 -p "$port" -P . -a . "$dir/packages" > "$dir/pypiserver.log" 2>&1 &
  pids+=($!)
  step 60 "start pypiserver on 127.0.0.1:$port" wait_for "http://127.0.0.1:$port/simple/" "$!"
  local -a env=(TWINE_REPOSITORY_URL="http://127.0.0.1:$port/" TWINE_PASSWORD=rehearsal-token)
  step 300 "publish: scripts/publish.sh pypi (publib-pypi: twine upload)" env "${env[@]}" "${PUBLISH[@]}" pypi
  local uploaded
  uploaded="$(cd "$dir/packages" && ls | sort | tr '\n' ' ')"
  [ "$uploaded" = "$(cd "$DIST/python" && ls *.whl *.tar.gz | sort | tr '\n' ' ')" ] || { echo "pypiserver holds: $uploaded" >&2; exit 1; }

  local venv="$dir/venv"
  step 60 "a fresh venv" python3 -m venv "$venv"
  step 420 "install: pip install $NAME==$LIB_VERSION (from pypiserver)" \
    "$venv/bin/pip" install --disable-pip-version-check --index-url "http://127.0.0.1:$port/simple/" \
    --report "$dir/report.json" "$NAME==$LIB_VERSION"
  step 60 "the installed $NAME is the published wheel" check_pip_installed "$dir/report.json" "$port"
  cat > "$dir/synth.py" << EOF
import json
import aws_cdk as cdk
from aws_cdk import aws_apigatewayv2 as apigwv2
from $PY_MODULE import WebSocketStage

app = cdk.App()
stack = cdk.Stack(app, "S")
WebSocketStage(stack, "Stage", web_socket_api=apigwv2.WebSocketApi(stack, "Api"), stage_name="prod")
resources = app.synth().get_stack_by_name("S").template["Resources"].values()
print(json.dumps([r["Properties"]["StageName"] for r in resources if r["Type"] == "AWS::ApiGatewayV2::Stage"]))
EOF
  step 180 "synthesize: python synth.py" check_synth "prod" bash -c "cd '$dir' && '$venv/bin/python' synth.py"

  local before after
  before="$(sums "$dir/packages")"
  if run_logged 300 env "${env[@]}" "${PUBLISH[@]}" pypi; then
    grep -q 'Skipping .* because it appears to already' "$LAST_LOG" || { echo "PyPI: the re-publish succeeded without a skip" >&2; tail "$LAST_LOG"; exit 1; }
    results[pypi]="skipped (twine --skip-existing: 'appears to already exist')"
  else
    results[pypi]="refused, exit 1: $(grep -o '409 Conflict\|File already exists' "$LAST_LOG" | head -1)"
  fi
  after="$(sums "$dir/packages")"
  [ "$before" = "$after" ] || { echo "PyPI: the re-publish changed what pypiserver holds" >&2; exit 1; }
  echo "  publish again: ${results[pypi]}; pypiserver's files are unchanged"
  results[pypi.ok]=1
}
check_pip_installed() {  # pip's report: the wheel came from this index, with the hash of dist/'s wheel
  local report="$1" port="$2"
  python3 - "$report" "$NAME" "$LIB_VERSION" "$port" "$(ls "$DIST"/python/*.whl)" << 'PY'
import hashlib, json, sys
report, name, version, port, wheel = sys.argv[1:]
[item] = [i for i in json.load(open(report))["install"] if i["metadata"]["name"] == name]
url, hashes = item["download_info"]["url"], item["download_info"]["archive_info"]["hashes"]
assert item["metadata"]["version"] == version, item["metadata"]["version"]
assert url.startswith(f"http://127.0.0.1:{port}/"), url
assert hashes["sha256"] == hashlib.sha256(open(wheel, "rb").read()).hexdigest(), (hashes, wheel)
print(url, hashes["sha256"])
PY
}

# --- Maven ---------------------------------------------------------------------------------------------------
rehearse_maven() {
  echo "Maven"
  local dir="$RUN/maven" port
  mkdir -p "$dir/repository"
  # A GPG key for this run, exported as release.yml's secrets hold it: ASCII-armored, with a passphrase.
  export GNUPGHOME="$dir/gnupg"
  mkdir -m 700 "$GNUPGHOME"
  step 120 "a GPG key for this run (RSA 3072)" gpg --batch --pinentry-mode loopback --passphrase rehearsal-passphrase \
    --quick-gen-key "release rehearsal <rehearsal@127.0.0.1>" rsa3072 sign 1d
  local key
  key="$(gpg --batch --pinentry-mode loopback --passphrase rehearsal-passphrase --armor --export-secret-keys)"
  unset GNUPGHOME
  # The release's own path: publib-maven with central-ossrh imports the key and signs every file with
  # maven-gpg-plugin; its next step, the upload to the Central Portal's staging API, has no server here: it is sent
  # to a port nothing listens on, and must be the step that fails.
  local closed
  closed="$(free_port)"
  local -a sign_env=(MAVEN_ENDPOINT="http://127.0.0.1:$closed/" MAVEN_USERNAME=rehearsal MAVEN_PASSWORD=rehearsal-password
    MAVEN_GPG_PRIVATE_KEY="$key" MAVEN_GPG_PRIVATE_KEY_PASSPHRASE=rehearsal-passphrase)
  step 420 "sign: scripts/publish.sh maven as release.yml runs it (central-ossrh), key of this run" \
    check_signing env "${sign_env[@]}" "${PUBLISH[@]}" maven

  port_file="$dir/port"
  MAVEN_USERNAME=rehearsal MAVEN_PASSWORD=rehearsal-password node scripts/rehearse/maven-repository.js "$dir/repository" "$port_file" > "$dir/server.log" 2>&1 &
  pids+=($!)
  local pid=$!
  for _ in $(seq 1 60); do [ -s "$port_file" ] && break; sleep 0.5; done
  port="$(cat "$port_file")"
  step 30 "start a Maven repository on 127.0.0.1:$port" wait_for "http://127.0.0.1:$port/" "$pid"
  # publib signs only for Maven Central's endpoints: with a server id of its own, it deploys unsigned.
  local -a env=(MAVEN_SERVER_ID=rehearsal MAVEN_REPOSITORY_URL="http://127.0.0.1:$port/" MAVEN_USERNAME=rehearsal MAVEN_PASSWORD=rehearsal-password)
  step 420 "publish: scripts/publish.sh maven (publib-maven, server id 'rehearsal')" env "${env[@]}" "${PUBLISH[@]}" maven

  # A user's fresh Maven project: the published coordinates from that repository, the rest from Maven Central.
  local app="$dir/app" group_path="${GROUP_ID//.//}"
  mkdir -p "$app/src/main/java/rehearsal"
  cat > "$app/pom.xml" << EOF
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>rehearsal</groupId>
  <artifactId>app</artifactId>
  <version>0.0.0</version>
  <properties>
    <maven.compiler.release>17</maven.compiler.release>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
  </properties>
  <repositories>
    <repository>
      <id>rehearsal</id>
      <url>http://127.0.0.1:$port/</url>
    </repository>
  </repositories>
  <dependencies>
    <dependency>
      <groupId>$GROUP_ID</groupId>
      <artifactId>$ARTIFACT_ID</artifactId>
      <version>$LIB_VERSION</version>
    </dependency>
  </dependencies>
  <build>
    <plugins>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-compiler-plugin</artifactId>
        <version>3.13.0</version>
      </plugin>
      <plugin>
        <groupId>org.codehaus.mojo</groupId>
        <artifactId>exec-maven-plugin</artifactId>
        <version>3.5.0</version>
        <configuration><mainClass>rehearsal.Synth</mainClass></configuration>
      </plugin>
    </plugins>
  </build>
</project>
EOF
  cat > "$app/src/main/java/rehearsal/Synth.java" << EOF
package rehearsal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.apigatewayv2.WebSocketApi;
import $JAVA_PACKAGE.WebSocketStage;

public final class Synth {
    @SuppressWarnings("unchecked")
    public static void main(String[] args) {
        App app = new App();
        Stack stack = new Stack(app, "S");
        WebSocketStage.Builder.create(stack, "Stage").webSocketApi(new WebSocketApi(stack, "Api")).stageName("prod").build();
        Map<String, Object> template = (Map<String, Object>) app.synth().getStackByName("S").getTemplate();
        List<String> names = new ArrayList<>();
        for (Object value : ((Map<String, Object>) template.get("Resources")).values()) {
            Map<String, Object> resource = (Map<String, Object>) value;
            if ("AWS::ApiGatewayV2::Stage".equals(resource.get("Type"))) {
                names.add("\"" + ((Map<String, Object>) resource.get("Properties")).get("StageName") + "\"");
            }
        }
        System.out.println(names.toString().replace(" ", ""));
    }
}
EOF
  # Maven keeps what it resolved: drop this library's copy so that it comes from the rehearsal's repository.
  rm -rf "$M2_REPO/$group_path/$ARTIFACT_ID"
  step 600 "install: mvn compile, $GROUP_ID:$ARTIFACT_ID:$LIB_VERSION from 127.0.0.1:$port" \
    mvn -B -q --no-transfer-progress -Dstyle.color=never -Dmaven.repo.local="$M2_REPO" -f "$app/pom.xml" compile
  step 60 "the resolved jar is the published one" check_maven_installed "$M2_REPO/$group_path/$ARTIFACT_ID/$LIB_VERSION" "$port"
  step 300 "synthesize: mvn exec:java" check_synth "prod" \
    mvn -B -q --no-transfer-progress -Dstyle.color=never -Dmaven.repo.local="$M2_REPO" -f "$app/pom.xml" exec:java
  rm -rf "$M2_REPO/$group_path/$ARTIFACT_ID"  # not left for other builds to pick up

  local before after
  before="$(sums "$dir/repository")"
  if run_logged 420 env "${env[@]}" "${PUBLISH[@]}" maven; then
    grep -q 'Artifact already published. Skipping' "$LAST_LOG" || { echo "Maven: the re-publish succeeded without a skip" >&2; tail "$LAST_LOG"; exit 1; }
    results[maven]="skipped (publib: 'Artifact already published. Skipping')"
  else
    grep -q 'status code: 409\|409 Conflict' "$LAST_LOG" || { echo "Maven: the re-publish failed, but not on the repository's 409" >&2; tail -n 30 "$LAST_LOG"; exit 1; }
    results[maven]="refused, exit 1: the repository answered 409 Conflict and publib says 'Release failed'"
  fi
  after="$(sums "$dir/repository")"
  [ "$before" = "$after" ] || { echo "Maven: the re-publish changed the repository" >&2; diff <(echo "$before") <(echo "$after") >&2; exit 1; }
  echo "  publish again: ${results[maven]}; the repository is unchanged"
  results[maven.ok]=1
}
check_signing() {  # "$@" is the publish command: it must sign every file, then fail at the staging upload only
  local out rc=0
  out="$("$@" 2>&1)" || rc=$?
  echo "$out"
  [ "$rc" -ne 0 ] || { echo "the staging upload to a closed port succeeded?" >&2; return 1; }
  echo "$out" | grep -q '^gpg_key_id=' || { echo "publib did not import the key" >&2; return 1; }
  # maven-gpg-plugin staged a signature beside each of the jar, the pom, the sources and the javadoc
  local signed
  signed="$(echo "$out" | grep -c "Uploading to ossrh: .*/$ARTIFACT_ID-$LIB_VERSION\(\|-sources\|-javadoc\)\.\(jar\|pom\)\.asc$" || true)"
  [ "$signed" -eq 4 ] || { echo "expected 4 signatures, found $signed" >&2; return 1; }
  # the signing build succeeded; the next one, the staging upload, failed on the closed port and on nothing else
  local signing staging
  signing="$(echo "$out" | grep -n 'BUILD SUCCESS' | head -1 | cut -d: -f1)"
  staging="$(echo "$out" | grep -n 'nexus-staging-maven-plugin:1.7.0:deploy-staged-repository' | head -1 | cut -d: -f1)"
  [ -n "$signing" ] && [ -n "$staging" ] && [ "$signing" -lt "$staging" ] || { echo "publib did not sign, then stage" >&2; return 1; }
  echo "$out" | tail -n +"$staging" | grep -q 'Nexus connection problem .*Connection refused' \
    || { echo "the staging upload failed for another reason than the missing Central Portal" >&2; return 1; }
  echo "signed: $signed signatures with the run's key; the staging upload failed as expected (no Central Portal here)"
}
check_maven_installed() {
  local resolved="$1" port="$2" published="$DIST/java/${GROUP_ID//.//}/$ARTIFACT_ID/$LIB_VERSION"
  cmp "$resolved/$ARTIFACT_ID-$LIB_VERSION.jar" "$published/$ARTIFACT_ID-$LIB_VERSION.jar"
  cmp "$resolved/$ARTIFACT_ID-$LIB_VERSION.pom" "$published/$ARTIFACT_ID-$LIB_VERSION.pom"
  grep -q "rehearsal" "$resolved/_remote.repositories"
  echo "the jar and pom from 127.0.0.1:$port equal $DIST_DIR/java's"
}

# --- Go ------------------------------------------------------------------------------------------------------
rehearse_go() {
  echo "Go"
  local dir="$RUN/go" bare="$RUN/go/repository.git"
  mkdir -p "$dir"
  # The one-time setup of the real repository: public, with a first commit on main.
  git init -q --bare -b main "$bare"
  git clone -q "$bare" "$dir/seed" 2> /dev/null
  (cd "$dir/seed" && echo "Generated from $NAME; see its repository." > README.md && git add README.md \
    && git -c user.name=rehearsal -c user.email=rehearsal@127.0.0.1 commit -q -m "first commit" && git push -q origin main)
  # git reads these as configuration: publib's clone URL (https://<token>@<repository>.git) and the URL go uses
  # (https://<repository>) both lead to the bare repository.
  local -a git_env=(GIT_CONFIG_COUNT=2
    GIT_CONFIG_KEY_0="url.file://$bare.insteadOf" GIT_CONFIG_VALUE_0="https://rehearsal-token@$GO_REPO.git"
    GIT_CONFIG_KEY_1="url.file://$bare.insteadOf" GIT_CONFIG_VALUE_1="https://$GO_REPO")
  local -a env=("${git_env[@]}" GITHUB_TOKEN=rehearsal-token)
  step 120 "publish: scripts/publish.sh golang (publib-golang, pushing to a bare repository)" env "${env[@]}" "${PUBLISH[@]}" golang
  local tag="$GO_PACKAGE/v$LIB_VERSION"
  git --git-dir="$bare" rev-parse -q --verify "refs/tags/$tag" > /dev/null || { echo "no tag $tag in the repository" >&2; exit 1; }

  # A user's fresh Go module. Modules other than this one come through the Go module proxy, read first from the
  # machine's module cache; this one, private to the proxy, straight from the (bare) repository. The module cache
  # is the run's own; -trimpath keeps its path out of the build cache's keys, so aws-cdk-go compiles once a machine.
  local app="$dir/app"
  mkdir -p "$app"
  cat > "$app/go.mod" << EOF
module rehearsal/app

go 1.25.0

require (
	github.com/aws/aws-cdk-go/awscdk/v2 $(awk '$1 == "github.com/aws/aws-cdk-go/awscdk/v2" { print $2 }' test/go/go.mod)
	github.com/aws/jsii-runtime-go $(awk '$1 == "github.com/aws/jsii-runtime-go" { print $2 }' test/go/go.mod)
	$GO_MODULE/$GO_PACKAGE v$LIB_VERSION
)
EOF
  # test/go/go.sum has the other modules' checksums (this machine may not reach the checksum database).
  cp test/go/go.sum "$app/go.sum"
  cat > "$app/main.go" << EOF
package main

import (
	"encoding/json"
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsapigatewayv2"
	"github.com/aws/jsii-runtime-go"
	"$GO_MODULE/$GO_PACKAGE"
)

func main() {
	app := awscdk.NewApp(nil)
	stack := awscdk.NewStack(app, jsii.String("S"), nil)
	api := awsapigatewayv2.NewWebSocketApi(stack, jsii.String("Api"), nil)
	$GO_PACKAGE.NewWebSocketStage(stack, jsii.String("Stage"), &$GO_PACKAGE.WebSocketStageProps{WebSocketApi: api, StageName: jsii.String("prod")})
	template := app.Synth(nil).GetStackByName(jsii.String("S")).Template().(map[string]interface{})
	names := []string{}
	for _, resource := range template["Resources"].(map[string]interface{}) {
		r := resource.(map[string]interface{})
		if r["Type"] == "AWS::ApiGatewayV2::Stage" {
			names = append(names, r["Properties"].(map[string]interface{})["StageName"].(string))
		}
	}
	out, _ := json.Marshal(names)
	fmt.Println(string(out))
}
EOF
  local -a go_env=("${git_env[@]}" GOPRIVATE="$GO_REPO" GOFLAGS="-modcacherw -mod=mod -trimpath" GOMODCACHE="$dir/modcache"
    GOPROXY="file://$USER_GOMODCACHE/cache/download,$(go env GOPROXY)")
  step 420 "install: go get $GO_MODULE/$GO_PACKAGE@v$LIB_VERSION (from the repository)" \
    env "${go_env[@]}" bash -c "cd '$app' && go get '$GO_MODULE/$GO_PACKAGE@v$LIB_VERSION'"
  step 60 "the module is the published tag" check_go_installed "$dir/modcache" "$bare" "$tag"
  step 420 "synthesize: go run ." check_synth "prod" env "${go_env[@]}" bash -c "cd '$app' && go run ."

  local before after
  before="$(git --git-dir="$bare" for-each-ref)"
  if run_logged 120 env "${env[@]}" "${PUBLISH[@]}" golang; then
    grep -q 'No changes. Skipping release\|All tags already exist. Skipping release' "$LAST_LOG" || { echo "Go: the re-publish succeeded without a skip" >&2; tail "$LAST_LOG"; exit 1; }
    results[go]="skipped (publib-golang: '$(grep -o 'No changes. Skipping release\|All tags already exist. Skipping release' "$LAST_LOG" | head -1)')"
  else
    results[go]="refused, exit 1"
  fi
  after="$(git --git-dir="$bare" for-each-ref)"
  [ "$before" = "$after" ] || { echo "Go: the re-publish moved the repository's branches or tags" >&2; exit 1; }
  echo "  publish again: ${results[go]}; the repository's branches and tags are unchanged"
  results[go.ok]=1
}
check_go_installed() {  # the module go downloaded is the tree of the tag, and that tree is dist/go's
  local modcache="$1" bare="$2" tag="$3" got
  got="$(ls -d "$modcache/$GO_MODULE/$GO_PACKAGE@v$LIB_VERSION")"
  diff -r "$got" "$DIST/go/$GO_PACKAGE"
  echo "$got equals $DIST_DIR/go/$GO_PACKAGE (tag $tag)"
}

export -f wait_for check_npm_installed check_synth check_pip_installed check_signing check_maven_installed check_go_installed

# --- the registries ------------------------------------------------------------------------------------------
if wants npm; then rehearse_npm; fi
if wants pypi; then rehearse_pypi; fi
if wants maven; then rehearse_maven; fi
if wants go; then rehearse_go; fi
if [ -d "$DIST/dotnet" ]; then
  echo "NuGet: dist/dotnet is there, but there is no NuGet server in this rehearsal; release.yml publishes it"
else
  echo "NuGet: skipped: no .NET SDK on this machine, so 'npm run package' built no dist/dotnet to publish"
fi

echo
echo "release:rehearse: $((SECONDS - started))s"
if wants npm && [ -n "${results[npm.ok]:-}" ]; then echo "npm: published $LIB_VERSION, installed from it, ok"; fi
if wants pypi && [ -n "${results[pypi.ok]:-}" ]; then echo "PyPI: published $LIB_VERSION, installed from it, ok"; fi
if wants maven && [ -n "${results[maven.ok]:-}" ]; then echo "Maven: published $LIB_VERSION, installed from it, ok"; fi
if wants go && [ -n "${results[go.ok]:-}" ]; then echo "Go: published $LIB_VERSION, installed from it, ok"; fi
