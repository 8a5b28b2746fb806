#!/usr/bin/env bash
# What `npm run release:rehearse` needs beyond the build's tools, installed from a fresh clone: gpg (apt-get,
# only where it is missing) and pypiserver in the project's .venv/. Verdaccio and publib are devDependencies.
set -euo pipefail
cd "$(dirname "$0")/../.."
PYPISERVER="pypiserver==2.4.2"

for need in "node:Node.js" "python3:Python 3 with venv" "java:a JDK, Java 17 or later" "mvn:Maven" "go:Go" "git:git" "curl:curl"; do
  command -v "${need%%:*}" > /dev/null || { echo "release:rehearse: '${need%%:*}' is not installed: install ${need#*:}" >&2; exit 1; }
done
if ! command -v gpg > /dev/null; then
  if command -v apt-get > /dev/null && [ "$(id -u)" = 0 ]; then
    echo "release:rehearse: installing gpg (apt-get install gnupg)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gnupg > /dev/null
  else
    echo "release:rehearse: 'gpg' is not installed: install GnuPG (the gnupg package)" >&2; exit 1
  fi
fi
[ -x node_modules/.bin/verdaccio ] && [ -x node_modules/.bin/publib-npm ] \
  || { echo "release:rehearse: Verdaccio and publib are missing from node_modules: run 'npm ci'" >&2; exit 1; }
bash scripts/python-venv.sh
.venv/bin/pip install --quiet --disable-pip-version-check "$PYPISERVER"
