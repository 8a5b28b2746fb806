'use strict';
// What `require('cdk-websocket-stage')` loads, and how long each module takes (inclusive), after
// aws-cdk-lib/aws-apigatewayv2 as in the require benchmark: `node bench/require-trace.js [min-ms]`.
const Module = require('module');
const path = require('path');

const minMs = Number(process.argv[2] ?? 0.3);
require('aws-cdk-lib/aws-apigatewayv2');
const lines = [];
const originalLoad = Module._load;
let depth = 0;
Module._load = function load(request, ...rest) {
  const start = process.hrtime.bigint();
  const line = { depth: depth++, request, ms: 0 };
  lines.push(line);
  try {
    return originalLoad.call(this, request, ...rest);
  } finally {
    depth--;
    line.ms = Number(process.hrtime.bigint() - start) / 1e6;
  }
};
const start = process.hrtime.bigint();
require(path.join(__dirname, '..'));
const total = Number(process.hrtime.bigint() - start) / 1e6;
Module._load = originalLoad;
for (const { depth: d, request, ms } of lines) {
  if (ms >= minMs) {
    console.log(`${ms.toFixed(1).padStart(7)} ms  ${'  '.repeat(d)}${request}`);
  }
}
console.log(`${total.toFixed(1).padStart(7)} ms  total (inclusive times; loads under ${minMs} ms hidden)`);
