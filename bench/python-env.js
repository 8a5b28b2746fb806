'use strict';
// Finds the Python that runs the Python half of the benchmark: $BENCH_PYTHON, or .venv/bin/python at the repo
// root, with the built wheel (cdk_websocket_stage), aws_cdk and constructs importable.
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const DEFAULT_PYTHON = path.join(__dirname, '..', '.venv', 'bin', 'python');

/** { python, versions } when the Python part can run, or { skipped: why } when it cannot. */
function findPython() {
  const python = process.env.BENCH_PYTHON || DEFAULT_PYTHON;
  const source = process.env.BENCH_PYTHON ? 'BENCH_PYTHON' : 'the default (.venv/bin/python)';
  if (!fs.existsSync(python)) {
    return { skipped: `no Python interpreter at ${python} (${source}); build the wheel and the venv, or set BENCH_PYTHON` };
  }
  const probe = spawnSync(python, ['-c', [
    'import json, sys, importlib.metadata as m',
    'import aws_cdk, constructs, cdk_websocket_stage',
    'print(json.dumps({"python": sys.version.split()[0], **{p: m.version(p) for p in '
      + '("aws-cdk-lib", "constructs", "jsii", "cdk-websocket-stage")}}))',
  ].join('\n')], { encoding: 'utf8' });
  if (probe.status !== 0) {
    const reason = (probe.stderr || probe.error?.message || '').trim().split('\n').pop();
    return { skipped: `${python} (${source}) cannot import cdk_websocket_stage, aws_cdk and constructs: ${reason}` };
  }
  return { python, versions: JSON.parse(probe.stdout) };
}

module.exports = { findPython };
