#!/usr/bin/env bash
# Lints the GitHub Actions workflows (.github/workflows) with actionlint; any finding fails.
# actionlint is built from source with Go into .tools/bin (git-ignored) the first time, and again when the one
# there is not the pinned version. It installs no system package: without `go` it stops, naming what to install.
# actionlint checks the shell of `run:` steps with shellcheck when shellcheck is on PATH, and skips that otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"

ACTIONLINT_VERSION="v1.7.12"
actionlint="$ROOT/.tools/bin/actionlint"

installed_version() { "$actionlint" -version 2> /dev/null | sed -n 1p; }
if [ ! -x "$actionlint" ] || [ "$(installed_version)" != "$ACTIONLINT_VERSION" ]; then
  command -v go > /dev/null || {
    echo "check-workflows: 'go' is not installed: install Go (1.25 or later) to build actionlint $ACTIONLINT_VERSION" >&2
    exit 1
  }
  echo "check-workflows: installing actionlint $ACTIONLINT_VERSION into .tools/bin"
  GOBIN="$ROOT/.tools/bin" go install "github.com/rhysd/actionlint/cmd/actionlint@$ACTIONLINT_VERSION"
  if [ "$(installed_version)" != "$ACTIONLINT_VERSION" ]; then
    echo "check-workflows: .tools/bin/actionlint reports '$(installed_version)', not $ACTIONLINT_VERSION" >&2
    exit 1
  fi
fi

shopt -s nullglob
workflows=(.github/workflows/*.yml .github/workflows/*.yaml)
if [ "${#workflows[@]}" -eq 0 ]; then
  echo "check-workflows: no workflow in .github/workflows" >&2
  exit 1
fi
command -v shellcheck > /dev/null || echo "check-workflows: shellcheck is not installed: the shell in run: steps is not linted"
"$actionlint" "${workflows[@]}"
echo "check-workflows: actionlint $ACTIONLINT_VERSION found nothing in ${workflows[*]}"
