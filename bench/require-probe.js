'use strict';
// One process of the require benchmark: `node bench/require-probe.js <mode>`. Every mode first requires
// aws-cdk-lib's aws-apigatewayv2 module (lazy: it loads one file), then times one step:
//   baseline:  nothing more (the whole-process baseline);
//   ours:      require('cdk-websocket-stage'), the compiled lib/ — the cost the target is about;
//   cdk-class: read aws-cdk-lib's `WebSocketStage` from that module, which loads the class and what it needs
//              (core, constructs) — the like-for-like cost of getting aws-cdk-lib's stage ready to use;
//   ours-in-app: require('cdk-websocket-stage') in a process that has already made an App and a Stack, as any
//              CDK app has — the marginal cost in practice.
// Prints one JSON line: the step's time in ms and how many modules it loaded.
const path = require('path');

function timed(load) {
  const before = Object.keys(require.cache).length;
  const start = process.hrtime.bigint();
  load();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, modules: Object.keys(require.cache).length - before };
}

const STEPS = {
  baseline: () => undefined,
  ours: () => require(path.join(__dirname, '..')),
  'cdk-class': () => require('aws-cdk-lib/aws-apigatewayv2').WebSocketStage,
  'ours-in-app': () => require(path.join(__dirname, '..')),
};

const mode = process.argv[2];
if (!STEPS[mode]) {
  throw new Error(`usage: node bench/require-probe.js <${Object.keys(STEPS).join('|')}>`);
}
if (mode === 'ours-in-app') {
  const { App, Stack } = require('aws-cdk-lib');
  new Stack(new App(), 'Stack');
}
const apigatewayv2 = timed(() => require('aws-cdk-lib/aws-apigatewayv2'));
console.log(JSON.stringify({ apigatewayv2, step: timed(STEPS[mode]) }));
