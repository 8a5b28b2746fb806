'use strict';
// Where the time of a stage goes, in one warm process: `node --expose-gc bench/per-stage.js [stages] [rounds]`.
// Builds and synthesizes the benchmark app over and over, rotating the implementations each round, and prints
// one JSON line with, per implementation, the median construct and synth CPU time per stage (in microseconds).
// With the modules loaded and the JIT warm, this isolates what each implementation does per stage, which the
// whole-process numbers mix with start-up, module loading and the machine's noise.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { buildApp } = require('./app');
const { IMPLEMENTATIONS } = require('./implementations');
const { median } = require('./stats');

/** CPU time of this process (user + system, all threads) in ms: unlike wall time, other processes on the machine do not add to it. */
function cpuMs() {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

function once(cdk, implementation, stages) {
  const t0 = cpuMs();
  const { app } = buildApp(cdk, implementation, stages);
  const t1 = cpuMs();
  app.synth();
  const t2 = cpuMs();
  return { construct: t1 - t0, synth: t2 - t1 };
}

/** Median construct and synth time per stage (µs) of each implementation in `impls` ({ name: function }). */
function perStage(impls, stages, rounds) {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-per-stage-'));
  const cdk = {
    core: require('aws-cdk-lib'),
    apigwv2: require('aws-cdk-lib/aws-apigatewayv2'),
    iam: require('aws-cdk-lib/aws-iam'),
    outdir,
  };
  const names = Object.keys(impls);
  const samples = Object.fromEntries(names.map((n) => [n, []]));
  try {
    for (const name of names) {
      once(cdk, impls[name], stages); // warm-up: loads the modules and warms the JIT
    }
    for (let r = 0; r < rounds; r++) {
      for (let k = 0; k < names.length; k++) {
        const name = names[(r + k) % names.length];
        global.gc?.();
        samples[name].push(once(cdk, impls[name], stages));
      }
    }
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
  const perStageUs = (xs) => (median(xs) * 1000) / stages;
  return Object.fromEntries(names.map((n) => [n, {
    constructUs: perStageUs(samples[n].map((s) => s.construct)),
    synthUs: perStageUs(samples[n].map((s) => s.synth)),
  }]));
}

if (require.main === module) {
  console.log(JSON.stringify(perStage(IMPLEMENTATIONS, Number(process.argv[2] ?? 1000), Number(process.argv[3] ?? 7))));
}
module.exports = { perStage };
