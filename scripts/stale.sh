#!/usr/bin/env bash
# Usage: stale.sh OUTPUT SOURCE...  Succeeds (exit 0) when OUTPUT is missing or any file under a SOURCE is newer
# than it, as make decides: the parts of the pipeline run alone use it to build only what is out of date.
set -euo pipefail
output="$1"
shift
[ ! -e "$output" ] || [ -n "$(find "$@" -newer "$output" -print -quit 2> /dev/null)" ]
