#!/usr/bin/env bash
# `bash scripts/publish.sh <registry>`: publishes what `npm run package` left in dist/ to one registry with publib.
# The one publib configuration of the project: the publish jobs of .github/workflows/release.yml run it with the
# registries' secrets, and `npm run release:rehearse` (scripts/release-rehearse.sh) runs it against registries on
# 127.0.0.1, so the release and its rehearsal cannot drift apart. What differs between the two comes in through
# publib's own environment variables only: where to (NPM_REGISTRY, TWINE_REPOSITORY_URL, MAVEN_SERVER_ID and
# MAVEN_REPOSITORY_URL, git's url.<base>.insteadOf for Go) and the credentials. With none set, publib's defaults
# are the public registries.
#   registry  publisher      reads
#   npm       publib-npm     dist/js      (NPM_TOKEN)
#   pypi      publib-pypi    dist/python  (TWINE_PASSWORD; the user name of a PyPI API token is __token__)
#   maven     publib-maven   dist/java    (MAVEN_USERNAME, MAVEN_PASSWORD, MAVEN_GPG_PRIVATE_KEY[_PASSPHRASE])
#   nuget     publib-nuget   dist/dotnet  (NUGET_API_KEY)
#   golang    publib-golang  dist/go      (GITHUB_TOKEN: may push to the Go module's repository)
# DIST_DIR: where the artifacts are, dist unless set. publib's version is the exact devDependency in package.json
# (package-lock.json pins what npm ci installs; the publish jobs, without node_modules, fetch that same version).
set -euo pipefail
cd "$(dirname "$0")/.."

registry="${1:-}"
DIST_DIR="${DIST_DIR:-dist}"
case "$registry" in
  npm) bin=publib-npm; dir="$DIST_DIR/js" ;;
  pypi) bin=publib-pypi; dir="$DIST_DIR/python"
    export TWINE_USERNAME="${TWINE_USERNAME:-__token__}" ;;
  maven) bin=publib-maven; dir="$DIST_DIR/java"
    # central-ossrh: Maven Central's Central Portal through its OSSRH staging API (OSSRH itself is retired).
    export MAVEN_SERVER_ID="${MAVEN_SERVER_ID:-central-ossrh}" ;;
  nuget) bin=publib-nuget; dir="$DIST_DIR/dotnet" ;;
  golang) bin=publib-golang; dir="$DIST_DIR/go"
    # publib-golang clones the repository the module path names (package.json jsii.targets.go.moduleName),
    # commits dist/go/cdkwebsocketstage to it and pushes the tag cdkwebsocketstage/v<version>.
    export GIT_USER_NAME="${GIT_USER_NAME:-github-actions[bot]}"
    export GIT_USER_EMAIL="${GIT_USER_EMAIL:-41898282+github-actions[bot]@users.noreply.github.com}" ;;
  *) echo "usage: bash scripts/publish.sh npm|pypi|maven|nuget|golang" >&2; exit 2 ;;
esac
[ -d "$dir" ] || { echo "publish: $dir is missing: run 'npm run package' (release.yml: the dist artifact)" >&2; exit 1; }

# publib-npm writes the token to ~/.npmrc: under `npm run`, npm_config_userconfig would send npm publish to another
# file, without the token (ENEEDAUTH). The publish jobs run this script directly; `npm run release:rehearse` does not.
unset npm_config_userconfig
publib="$(node -p "require('./package.json').devDependencies.publib")"
[[ "$publib" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || { echo "publish: package.json must pin publib exactly, found '$publib'" >&2; exit 1; }
echo "publish: $bin $dir (publib $publib)"
exec npx --yes -p "publib@$publib" "$bin" "$dir"
