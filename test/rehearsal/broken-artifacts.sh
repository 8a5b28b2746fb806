#!/usr/bin/env bash
# The rehearsal's installations can fail: for each registry, a copy of dist/ with that registry's artifact broken
# (the stage's code taken out, as a packaging fault would) is published by `npm run release:rehearse`, and the run
# must fail after the publish, in the installation or the synthesis from that registry, never pass.
#   npm   the tarball without lib/websocket-stage.js                  (the app fails to load the library)
#   PyPI  the wheel without its jsii assembly tarball                  (the import fails)
#   Maven the jar without WebSocketStage.class                         (the fresh project does not compile)
#   Go    the module without WebSocketStage.go                         (the fresh module does not build)
# `npm run release:rehearse:broken`; .ci/run runs it after the rehearsal. Argument: registries (default all four).
set -euo pipefail
cd "$(dirname "$0")/../.."
registries=("${@:-npm pypi maven go}")
read -r -a registries <<< "${registries[*]}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/rehearsal-broken.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
GROUP_PATH="$(node -p "require('./package.json').jsii.targets.java.maven.groupId.replace(/\./g, '/')")"
JAVA_DIR="$(node -p "require('./package.json').jsii.targets.java.package.replace(/\./g, '/')")"
GO_PACKAGE="$(node -p "require('./package.json').jsii.targets.go.packageName")"

break_npm() {  # $1: the copy of dist
  local tgz; tgz="$(ls "$1"/js/*.tgz)"
  mkdir "$WORK/npm" && tar -xzf "$tgz" -C "$WORK/npm"
  rm "$WORK/npm/package/lib/websocket-stage.js"
  tar -czf "$tgz" -C "$WORK/npm" package
}
zip_without() {  # zip_without <archive> <regular expression>: the archive without the entries the expression matches
  python3 - "$1" "$2" << 'PY'
import re, shutil, sys, zipfile
archive, pattern = sys.argv[1:]
with zipfile.ZipFile(archive) as old, zipfile.ZipFile(archive + ".new", "w", zipfile.ZIP_DEFLATED) as new:
    dropped = [i.filename for i in old.infolist() if re.search(pattern, i.filename)]
    assert dropped, f"nothing in {archive} matches {pattern}"
    for item in old.infolist():
        if item.filename not in dropped:
            new.writestr(item, old.read(item))
shutil.move(archive + ".new", archive)
PY
}
break_pypi() {
  zip_without "$(ls "$1"/python/*.whl)" '/_jsii/.*\.tgz$'
}
break_maven() {
  zip_without "$(ls "$1"/java/"$GROUP_PATH"/*/*/*[0-9].jar)" "^$JAVA_DIR/WebSocketStage\.class$"
}
break_go() {
  rm "$1/go/$GO_PACKAGE/WebSocketStage.go"
}

failed=0
for registry in "${registries[@]}"; do
  copy="$WORK/dist-$registry"
  cp -r dist "$copy"
  "break_$registry" "$copy"
  log="$WORK/$registry.log"
  echo "=== $registry: a broken artifact must fail the rehearsal's installation"
  if DIST_DIR="$copy" bash scripts/release-rehearse.sh --only "$registry" > "$log" 2>&1; then
    echo "FAIL $registry: the rehearsal passed with a broken artifact"; failed=1; continue
  fi
  step="$(grep -o 'release:rehearse: failed: .*' "$log" | sed 's/release:rehearse: failed: //')"
  case "$step" in
    install:*|synthesize:*|"the installed "*|"the resolved "*|"the module "*)
      echo "ok   $registry: failed in '$step'"
      grep -m 3 -i 'error\|cannot\|undefined\|no such\|not found' "$log" | sed 's/^/       /' || true ;;
    *)
      echo "FAIL $registry: failed before the installation, in '${step:-?}'"; tail -n 20 "$log"; failed=1 ;;
  esac
done
[ "$failed" = 0 ] && echo "every installation failed on its broken artifact" || exit 1
