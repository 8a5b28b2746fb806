'use strict';
// The benchmark app, run as its own process: `node bench/app.js <implementation> <stages> [outdir]`.
// N stages, 10 per WebSocket API and 100 per stack; each API has one role that its stages grant to, and each
// stage's url is a stack output. Prints one JSON line: where the process's time went, and what it synthesized.
const t0 = performance.now();
const fs = require('fs');
const os = require('os');
const path = require('path');

const STAGES_PER_API = 10;
const STAGES_PER_STACK = 100;

function buildApp(cdk, implementation, stages) {
  const { App, Stack, CfnOutput } = cdk.core;
  const app = new App({ outdir: cdk.outdir });
  let stack;
  let api;
  let role;
  const metrics = [];
  for (let i = 0; i < stages; i++) {
    if (i % STAGES_PER_STACK === 0) {
      stack = new Stack(app, `WebSocketStack${i / STAGES_PER_STACK}`);
    }
    if (i % STAGES_PER_API === 0) {
      const a = (i % STAGES_PER_STACK) / STAGES_PER_API;
      api = new cdk.apigwv2.WebSocketApi(stack, `Api${a}`);
      role = new cdk.iam.Role(stack, `Handler${a}`, { assumedBy: new cdk.iam.ServicePrincipal('lambda.amazonaws.com') });
    }
    const s = i % STAGES_PER_API;
    const id = `Api${(i % STAGES_PER_STACK - s) / STAGES_PER_API}Stage${s}`;
    const { metric, url } = implementation(stack, id, { api, stageName: `stage${s}`, role });
    metrics.push(metric);
    new CfnOutput(stack, `${id}Url`, { value: url });
  }
  return { app, metrics };
}

function main() {
  const [name, stagesArg, outdirArg] = process.argv.slice(2);
  const stages = Number(stagesArg);
  const outdir = outdirArg ?? fs.mkdtempSync(path.join(os.tmpdir(), 'bench-synth-'));
  const cdk = {
    core: require('aws-cdk-lib'),
    apigwv2: require('aws-cdk-lib/aws-apigatewayv2'),
    iam: require('aws-cdk-lib/aws-iam'),
    outdir,
  };
  const { IMPLEMENTATIONS } = require('./implementations');
  const implementation = IMPLEMENTATIONS[name];
  if (!implementation || !(stages > 0)) {
    throw new Error(`usage: node bench/app.js <${Object.keys(IMPLEMENTATIONS).join('|')}> <stages> [outdir]`);
  }
  const t1 = performance.now();
  const { app } = buildApp(cdk, implementation, stages);
  const t2 = performance.now();
  const assembly = app.synth();
  const t3 = performance.now();
  const resources = assembly.stacks.reduce((n, s) => n + Object.keys(s.template.Resources ?? {}).length, 0);
  if (!outdirArg) {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
  console.log(JSON.stringify({
    phases: { loadMs: t1 - t0, constructMs: t2 - t1, synthMs: t3 - t2 },
    stacks: assembly.stacks.length,
    resources,
  }));
}

if (require.main === module) {
  main();
}
module.exports = { buildApp, STAGES_PER_API, STAGES_PER_STACK };
