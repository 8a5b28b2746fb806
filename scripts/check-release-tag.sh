#!/usr/bin/env bash
# Usage: bash scripts/check-release-tag.sh <tag>, e.g. v0.1.0 (release.yml passes the pushed tag).
# A release tag must name the version package.json has, and CHANGELOG.md must have that version's section:
# otherwise the registries would get a version the changelog does not describe, or a tag that is not the version.
set -euo pipefail
cd "$(dirname "$0")/.."

tag="${1:-}"
if [ -z "$tag" ]; then
  echo "usage: bash scripts/check-release-tag.sh <tag>   (e.g. v0.1.0)" >&2
  exit 2
fi
version="$(node -p "require('./package.json').version")"

if [ "$tag" != "v$version" ]; then
  echo "check-release-tag: tag '$tag' does not match package.json version '$version' (expected tag 'v$version')" >&2
  exit 1
fi
# Keep a Changelog: '## [0.1.0] - 2026-11-30'. A line that starts with the heading, compared as a string (the
# dots of a version are not a pattern), ending there or followed by a space: not '## [0.1.0-rc.1]' nor '### [0.1.0]'.
if ! awk -v heading="## [$version]" '
  index($0, heading) == 1 && (length($0) == length(heading) || substr($0, length(heading) + 1, 1) == " ") { found = 1 }
  END { exit !found }' CHANGELOG.md; then
  echo "check-release-tag: CHANGELOG.md has no '## [$version]' section for tag '$tag': move the Unreleased entries under it" >&2
  exit 1
fi
echo "check-release-tag: tag '$tag' matches package.json version '$version', and CHANGELOG.md has its section"
