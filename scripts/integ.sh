#!/usr/bin/env bash
# Usage: integ.sh verify|update|deploy  (npm run integ, integ:update, integ:deploy)
#
# The integ tests (test/integ/integ.*.ts) have their own install: integ-runner reads cloud assemblies only up to
# aws-cdk-lib 2.257, and an app works only with one copy of aws-cdk-lib. So test/integ installs aws-cdk-lib 2.257.0,
# integ-tests-alpha and integ-runner from its own lock file, and this library from its packed tarball, extracted
# into test/integ/node_modules so that it resolves aws-cdk-lib there rather than in the root node_modules.
#   verify  checks the committed snapshots offline, without AWS credentials; a difference fails (exit 1)
#   update  rewrites the snapshots from the apps, without deploying
#   deploy  deploys every test to the AWS account and region of the environment, runs its assertions, destroys it,
#           and rewrites the snapshots of the tests that changed
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:?usage: integ.sh verify|update|deploy}"
integ=test/integ

bash scripts/build-if-stale.sh
if bash scripts/stale.sh "$integ/node_modules/.package-lock.json" "$integ/package.json" "$integ/package-lock.json"; then
  (cd "$integ" && npm ci --no-audit --no-fund --loglevel=error)
fi
library="$integ/node_modules/cdk-websocket-stage"
if bash scripts/stale.sh "$library/package.json" lib/.build-passed; then
  pack=$(mktemp -d)
  npm pack --silent --pack-destination "$pack" > /dev/null
  rm -rf "$library" && mkdir -p "$library"
  # --touch: the tarball's files are dated 1985; dated now, the next run sees that they are current.
  tar -xzf "$pack"/*.tgz -C "$library" --strip-components=1 --touch
  # The apps need only the JavaScript. jsii-docgen reads every .jsii under the project and would document this copy,
  # which goes stale with the next build, instead of the built assembly.
  rm -f "$library/.jsii" "$library/.jsii.tabl.json"
  rm -rf "$pack"
fi
# ts-node only transpiles (test/integ/tsconfig.json): the type check is here.
(cd "$integ" && npx tsc -p .)

cd "$integ"
runner=(npx integ-runner --directory . --language typescript)
case "$mode" in
  verify) "${runner[@]}" ;;
  update) "${runner[@]}" --dry-run --update-on-failed ;;
  deploy)
    region="${AWS_REGION:-${AWS_DEFAULT_REGION:-}}"
    [ -n "$region" ] || { echo 'integ:deploy: set AWS_REGION (and credentials for the account to deploy to)' >&2; exit 2; }
    "${runner[@]}" --force --update-on-failed --parallel-regions "$region" ;;
  *) echo "usage: integ.sh verify|update|deploy" >&2; exit 2 ;;
esac
