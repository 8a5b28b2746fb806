'use strict';
// What the benchmark ran on: cores, CPU, and the versions of everything measured.
const { execFileSync } = require('child_process');
const os = require('os');
const path = require('path');

function version(pkg) {
  try {
    return require(path.join(__dirname, '..', 'node_modules', pkg, 'package.json')).version;
  } catch {
    return 'n/a';
  }
}

function gitCommit() {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: __dirname, encoding: 'utf8' }).trim();
  } catch {
    return 'n/a';
  }
}

function machineInfo(python) {
  return {
    cores: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? 'n/a',
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    commit: gitCommit(),
    versions: {
      'cdk-websocket-stage': require(path.join(__dirname, '..', 'package.json')).version,
      'aws-cdk-lib': version('aws-cdk-lib'),
      constructs: version('constructs'),
    },
    python: python.skipped ? null : python.versions,
  };
}

module.exports = { machineInfo };
