'use strict';
// One process of the require benchmark: `node bench/require-probe.js <baseline|ours>`.
//   baseline: require('aws-cdk-lib/aws-apigatewayv2'), what a user of aws-cdk-lib's stage loads;
//   ours:     the same, then require('cdk-websocket-stage') (the compiled lib/), timed on its own.
// Prints one JSON line with the in-process times and how many modules each step loaded.
const path = require('path');

function timed(load) {
  const before = Object.keys(require.cache).length;
  const start = process.hrtime.bigint();
  load();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, modules: Object.keys(require.cache).length - before };
}

const mode = process.argv[2];
const result = { apigatewayv2: timed(() => require('aws-cdk-lib/aws-apigatewayv2')) };
if (mode === 'ours') {
  result.ours = timed(() => require(path.join(__dirname, '..')));
} else if (mode !== 'baseline') {
  throw new Error('usage: node bench/require-probe.js <baseline|ours>');
}
console.log(JSON.stringify(result));
