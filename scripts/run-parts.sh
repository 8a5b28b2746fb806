#!/usr/bin/env bash
# `npm test`: runs the parts of the pipeline (npm scripts, named as arguments) in order and stops at the first
# that fails. Ends with a summary, one line per part with its status and time, then the test counts of this run;
# the last line is 'N passed, N failed' alone, for CI. Exits non-zero when a part failed.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p test-reports
run_started=test-reports/.run-started  # scripts/test-counts.js counts only the reports written after it
touch "$run_started"

summary=()
failed=""
for part in "$@"; do
  if [ -n "$failed" ]; then
    summary+=("not run  $part")
    continue
  fi
  printf '\n##### %s\n' "$part"
  started=$SECONDS
  if npm run "$part"; then status=ok; else status=FAILED; failed="$part"; fi
  summary+=("$(printf '%-8s %-15s %5ss' "$status" "$part" "$((SECONDS - started))")")
done

printf '\n##### summary\n'
printf '%s\n' "${summary[@]}"
printf '%-8s %-15s %5ss\n' '' 'total' "$SECONDS"
[ -z "$failed" ] || echo "npm test failed in $failed: 'npm run $failed' runs that part alone"
node scripts/test-counts.js "$run_started"
[ -z "$failed" ]
