#!/usr/bin/env node
// Compares the seed app's templates synthesized in several languages (test/seed, test/python, test/java,
// test/go). The Stage, ApiMapping and IAM Policy resources, and the outputs, must be identical once CDK
// metadata is dropped; any difference fails with a readable diff.
//
// Usage: node scripts/compare-seed-templates.js typescript=dist/seed/typescript.template.json python=... ...
// The first template is the reference the others are compared with.
'use strict';
const fs = require('fs');

const COMPARED_TYPES = ['AWS::ApiGatewayV2::Stage', 'AWS::ApiGatewayV2::ApiMapping', 'AWS::IAM::Policy'];

function usage(message) {
  console.error(`${message}\nusage: node scripts/compare-seed-templates.js NAME=TEMPLATE.json NAME=TEMPLATE.json...`);
  process.exit(2);
}

/** Removes CDK metadata: the Metadata key of every resource, and the CDKMetadata resource and its condition. */
function dropCdkMetadata(template) {
  const resources = {};
  for (const [id, resource] of Object.entries(template.Resources ?? {})) {
    if (resource.Type === 'AWS::CDK::Metadata') continue;
    const { Metadata, ...rest } = resource;
    resources[id] = rest;
  }
  return resources;
}

/** The compared part of a template: the resources of the compared types, and the outputs. */
function comparedPart(template) {
  const resources = dropCdkMetadata(template);
  const part = {};
  for (const [id, resource] of Object.entries(resources)) {
    if (COMPARED_TYPES.includes(resource.Type)) part[`Resources.${id}`] = resource;
  }
  for (const [id, output] of Object.entries(template.Outputs ?? {})) {
    part[`Outputs.${id}`] = output;
  }
  return part;
}

/** Key-sorted JSON, so that two equal objects print the same lines whatever their key order. */
function canonical(value) {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((key) => [key, canonical(value[key])]));
  }
  return value;
}

/** A line diff (longest common subsequence) of two texts, as `-`/`+`/` ` lines with a little context. */
function lineDiff(a, b, context = 3) {
  const x = a.split('\n');
  const y = b.split('\n');
  const lcs = Array.from({ length: x.length + 1 }, () => new Array(y.length + 1).fill(0));
  for (let i = x.length - 1; i >= 0; i--) {
    for (let j = y.length - 1; j >= 0; j--) {
      lcs[i][j] = x[i] === y[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const ops = [];
  let i = 0;
  let j = 0;
  while (i < x.length || j < y.length) {
    if (i < x.length && j < y.length && x[i] === y[j]) { ops.push([' ', x[i]]); i++; j++; }
    else if (i < x.length && (j === y.length || lcs[i + 1][j] >= lcs[i][j + 1])) { ops.push(['-', x[i]]); i++; }
    else { ops.push(['+', y[j]]); j++; }
  }
  const keep = ops.map((op, k) => ops.slice(Math.max(0, k - context), k + context + 1).some(([t]) => t !== ' '));
  const lines = [];
  ops.forEach(([t, line], k) => {
    if (keep[k]) lines.push(`${t} ${line}`);
    else if (keep[k - 1]) lines.push('  ...');
  });
  return lines.join('\n');
}

const inputs = process.argv.slice(2).map((arg) => {
  const eq = arg.indexOf('=');
  if (eq < 1) usage(`bad argument '${arg}'`);
  return { name: arg.slice(0, eq), file: arg.slice(eq + 1) };
});
if (inputs.length < 2) usage('need at least two templates');

const parts = inputs.map(({ name, file }) => {
  if (!fs.existsSync(file)) {
    console.error(`FAIL ${name}: ${file} was not written (did its test run?)`);
    process.exit(1);
  }
  const part = comparedPart(JSON.parse(fs.readFileSync(file, 'utf8')));
  const types = new Set(Object.values(part).map((r) => r.Type));
  const missing = COMPARED_TYPES.filter((t) => !types.has(t));
  if (missing.length > 0) {
    console.error(`FAIL ${name}: ${file} has no ${missing.join(', ')} resource`);
    process.exit(1);
  }
  return { name, file, part, text: JSON.stringify(canonical(part), null, 2) };
});

const [reference, ...others] = parts;
let failed = 0;
for (const other of others) {
  if (other.text === reference.text) {
    console.log(`ok   ${other.name} = ${reference.name} (${Object.keys(other.part).length} resources and outputs)`);
    continue;
  }
  failed++;
  console.log(`FAIL ${other.name} differs from ${reference.name} (- ${reference.file}, + ${other.file}):`);
  console.log(lineDiff(reference.text, other.text));
}
const compared = Object.keys(reference.part).join(', ');
console.log(`compared: ${compared}`);
console.log(`${others.length - failed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
