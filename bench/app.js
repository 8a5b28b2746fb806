'use strict';
// One benchmark process: `node bench/app.js <implementation> <floor|latest> <stages> [outdir]`, the implementation one
// of `ours`, `aws-cdk-lib` and `aws-cdk-lib+library` (aws-cdk-lib's stage, with this library loaded but not used).
// Builds the shape (stacks of 100 stages, 10 stages per WebSocket API, one IAM role per stack; every stage has a
// throttle, a management-API grant to the role, a ConnectCount metric and its url and callbackUrl as outputs),
// synthesizes it, and prints one JSON line: the phases' times, the process's CPU time and the resources by type.
// With an outdir, the cloud assembly is kept there and the metrics are written beside it, for the equivalence check.
const t0 = performance.now();
const fs = require('fs');
const Module = require('module');
const os = require('os');
const path = require('path');

const [implName, cdkName, stagesArg, outdirArg] = process.argv.slice(2);
const CDK_PACKAGES = { floor: 'aws-cdk-lib', latest: 'aws-cdk-lib-latest' };
if (!['ours', 'aws-cdk-lib', 'aws-cdk-lib+library'].includes(implName) || !CDK_PACKAGES[cdkName] || !(Number(stagesArg) > 0)) {
  throw new Error('usage: node bench/app.js <ours|aws-cdk-lib|aws-cdk-lib+library> <floor|latest> <stages> [outdir]');
}

// lib/ requires 'aws-cdk-lib', which is the floor in node_modules. For 'latest', every require of 'aws-cdk-lib' or
// one of its subpaths in this process (the app's, lib/'s) resolves into the aws-cdk-lib-latest alias instead, so
// ours, aws-cdk-lib's stage and the App share one copy of aws-cdk-lib (checked after synthesis below).
if (cdkName === 'latest') {
  const resolve = Module._resolveFilename;
  Module._resolveFilename = function resolveToLatest(request, ...rest) {
    const redirected = request === 'aws-cdk-lib' || request.startsWith('aws-cdk-lib/')
      ? `aws-cdk-lib-latest${request.slice('aws-cdk-lib'.length)}`
      : request;
    return resolve.call(this, redirected, ...rest);
  };
}

const STAGES_PER_API = 10;
const STAGES_PER_STACK = 100;
const THROTTLE = { rateLimit: 100, burstLimit: 50 };

/** aws-cdk-lib and the stage class, required only now that the redirect above is in place. */
function loadModules() {
  const { App, CfnOutput, Stack } = require('aws-cdk-lib');
  const apigwv2 = require('aws-cdk-lib/aws-apigatewayv2');
  // `aws-cdk-lib+library` loads this library without using it: what loading it costs, apart from what its stage costs.
  const library = implName === 'aws-cdk-lib' ? undefined : require(path.join(__dirname, '..'));
  return {
    App,
    CfnOutput,
    Stack,
    apigwv2,
    iam: require('aws-cdk-lib/aws-iam'),
    WebSocketStage: implName === 'ours' ? library.WebSocketStage : apigwv2.WebSocketStage,
  };
}

/** The heap in use after a full collection; NaN unless under `node --expose-gc` (bench/run.js's memory processes). */
const heapAfterGc = () => (global.gc ? (global.gc(), process.memoryUsage().heapUsed) : NaN);

function buildApp({ App, CfnOutput, Stack, apigwv2, iam, WebSocketStage }, stages, outdir) {
  const app = new App({ outdir });
  const metrics = [];
  let stack;
  let role;
  let api;
  const half = Math.floor(stages / 2);
  let heapAtHalf;
  for (let i = 0; i < stages; i++) {
    if (i === half) {
      heapAtHalf = heapAfterGc();
    }
    const inStack = i % STAGES_PER_STACK;
    if (inStack === 0) {
      stack = new Stack(app, `WebSocketStack${i / STAGES_PER_STACK}`);
      role = new iam.Role(stack, 'Handler', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    }
    const apiIndex = Math.floor(inStack / STAGES_PER_API);
    if (i % STAGES_PER_API === 0) {
      api = new apigwv2.WebSocketApi(stack, `Api${apiIndex}`);
    }
    const id = `Api${apiIndex}Stage${i % STAGES_PER_API}`;
    const stage = new WebSocketStage(stack, id, { webSocketApi: api, stageName: `stage${i % STAGES_PER_API}`, throttle: THROTTLE });
    stage.grantManagementApiAccess(role);
    metrics.push({ stack, metric: stage.metric('ConnectCount') });
    new CfnOutput(stack, `${id}Url`, { value: stage.url });
    new CfnOutput(stack, `${id}CallbackUrl`, { value: stage.callbackUrl });
  }
  // What the second half of the stages holds, each with its share of its stack, API and outputs: the memory per stage
  // that every garbage collection of the synthesis walks.
  const heapPerStage = (heapAfterGc() - heapAtHalf) / (stages - half);
  return { app, metrics, heapPerStage };
}

/** The metrics as plain data (tokens resolved), so two implementations' metrics can be compared as text. */
function describeMetrics(metrics) {
  return metrics.map(({ stack, metric }) => stack.resolve({
    namespace: metric.namespace,
    metricName: metric.metricName,
    dimensions: metric.dimensions,
    statistic: metric.statistic,
    period: metric.period.toSeconds(),
  }));
}

/** Throws unless every aws-cdk-lib module this process loaded came from the one package it was meant to use. */
function assertOneCopy() {
  const other = `${path.sep}node_modules${path.sep}${CDK_PACKAGES[cdkName === 'latest' ? 'floor' : 'latest']}${path.sep}`;
  const strays = Object.keys(require.cache).filter((file) => file.includes(other));
  if (strays.length > 0) {
    throw new Error(`${cdkName} run loaded ${strays.length} modules of the other aws-cdk-lib, e.g. ${strays[0]}`);
  }
}

function main() {
  const stages = Number(stagesArg);
  const outdir = outdirArg ?? fs.mkdtempSync(path.join(os.tmpdir(), 'bench-synth-'));
  const modules = loadModules();
  const t1 = performance.now();
  const { app, metrics, heapPerStage } = buildApp(modules, stages, outdir);
  const t2 = performance.now();
  const assembly = app.synth();
  const t3 = performance.now();
  const cpu = process.cpuUsage();
  assertOneCopy();
  const resources = {};
  for (const { template } of assembly.stacks) {
    for (const { Type } of Object.values(template.Resources ?? {})) {
      resources[Type] = (resources[Type] ?? 0) + 1;
    }
  }
  if (outdirArg) {
    fs.writeFileSync(path.join(outdir, 'metrics.json'), JSON.stringify(describeMetrics(metrics), null, 1));
  } else {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
  console.log(JSON.stringify({
    cdkVersion: require('aws-cdk-lib/package.json').version,
    validation: process.env.CDK_VALIDATION !== 'false',
    phases: { loadMs: t1 - t0, constructMs: t2 - t1, synthMs: t3 - t2 },
    cpuMs: (cpu.user + cpu.system) / 1000,
    ...(Number.isNaN(heapPerStage) ? {} : { heapPerStageBytes: heapPerStage }),
    stacks: assembly.stacks.length,
    resources,
  }));
}

main();
