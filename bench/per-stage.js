'use strict';
// Where the time of a stage goes, in one warm process: `node bench/per-stage.js [stages] [rounds]`.
// Builds and synthesizes the benchmark app over and over, rotating the implementations each round, and prints
// one JSON line with, per implementation, the median construct and synth time per stage (in microseconds).
// With the modules loaded and the JIT warm, this isolates what each implementation does per stage, which the
// whole-process numbers mix with start-up, module loading and the machine's noise.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { buildApp } = require('./app');
const { IMPLEMENTATIONS } = require('./implementations');
const { median } = require('./stats');

function once(cdk, implementation, stages) {
  const t0 = performance.now();
  const { app } = buildApp(cdk, implementation, stages);
  const t1 = performance.now();
  app.synth();
  const t2 = performance.now();
  return { construct: t1 - t0, synth: t2 - t1 };
}

function main() {
  const stages = Number(process.argv[2] ?? 1000);
  const rounds = Number(process.argv[3] ?? 7);
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-per-stage-'));
  const cdk = {
    core: require('aws-cdk-lib'),
    apigwv2: require('aws-cdk-lib/aws-apigatewayv2'),
    iam: require('aws-cdk-lib/aws-iam'),
    outdir,
  };
  const names = Object.keys(IMPLEMENTATIONS);
  const samples = Object.fromEntries(names.map((n) => [n, []]));
  try {
    for (const name of names) {
      once(cdk, IMPLEMENTATIONS[name], stages); // warm-up: loads the modules and warms the JIT
    }
    for (let r = 0; r < rounds; r++) {
      for (let k = 0; k < names.length; k++) {
        const name = names[(r + k) % names.length];
        global.gc?.();
        samples[name].push(once(cdk, IMPLEMENTATIONS[name], stages));
      }
    }
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
  const perStageUs = (xs) => (median(xs) * 1000) / stages;
  console.log(JSON.stringify(Object.fromEntries(names.map((n) => [n, {
    constructUs: perStageUs(samples[n].map((s) => s.construct)),
    synthUs: perStageUs(samples[n].map((s) => s.synth)),
  }]))));
}

main();
