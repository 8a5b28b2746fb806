'use strict';
// `npm run bench`: whole processes of bench/app.js (1000 stages), this library's WebSocketStage against aws-cdk-lib's,
// on the aws-cdk-lib floor and on aws-cdk-lib-latest with its template validation off and on; with validation off,
// also aws-cdk-lib's stage in a process that has loaded this library. Writes the raw samples to bench/results.json
// and the medians to bench/RESULTS.md, with the heap each stage holds (measured in processes of its own).
// Options: --runs R (default 7), --stages N.
//
// `node bench/run.js --smoke` (`npm run bench:smoke`, part of `npm test`): 10 stages, one process per
// implementation and aws-cdk-lib, no timing asserted. Fails if a process fails, synthesizes the wrong number of
// resources, or the implementations' templates or metrics differ.
const { execFileSync, spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { LIBRARY_LOADED, writeReport } = require('./report');

const ROOT = path.join(__dirname, '..');
const APP = path.join(__dirname, 'app.js');
const IMPLEMENTATIONS = ['ours', 'aws-cdk-lib'];
// With validation off, LIBRARY_LOADED tells what loading the library costs from what its stage costs.
const implementations = ({ validation }) => (validation ? IMPLEMENTATIONS : [...IMPLEMENTATIONS, LIBRARY_LOADED]);
const MEMORY_RUNS = 3;
const CONFIGS = [
  { cdk: 'floor', validation: false },
  { cdk: 'latest', validation: false },
  { cdk: 'latest', validation: true },
];

const log = (...args) => console.error('[bench]', ...args);

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

/**
 * What the shape must synthesize: stacks of 100 stages, per 10 stages one API, per stack one role. (The role's
 * policies are left out: aws-cdk-lib splits a large policy into overflow policies, as many as its size needs.)
 */
function expected(stages) {
  const stacks = Math.ceil(stages / 100);
  return { stacks, 'AWS::ApiGatewayV2::Stage': stages, 'AWS::ApiGatewayV2::Api': Math.ceil(stages / 10), 'AWS::IAM::Role': stacks };
}

/** Runs one app process; resolves to its wall time (seen from here) and the JSON line it printed. */
function runApp(impl, { cdk, validation }, stages, outdir, nodeOptions = []) {
  const args = [...nodeOptions, APP, impl, cdk, String(stages), ...(outdir ? [outdir] : [])];
  const env = { ...process.env, JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION: '20,22', CDK_VALIDATION: String(validation) };
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => { stdout += chunk; });
    child.stderr.on('data', (chunk) => { stderr += chunk; });
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
      if (code !== 0) {
        reject(new Error(`node ${args.join(' ')} exited with ${code}\n${stderr.slice(-4000)}`));
        return;
      }
      const report = JSON.parse(stdout.trim().split('\n').pop());
      const want = expected(stages);
      const got = { stacks: report.stacks, ...report.resources };
      const wrong = Object.keys(want).filter((key) => got[key] !== want[key]);
      if (wrong.length > 0) {
        reject(new Error(`${impl} on ${cdk} synthesized ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`));
        return;
      }
      resolve({ wallMs, cpuMs: report.cpuMs, phases: report.phases, cdkVersion: report.cdkVersion, heapPerStageBytes: report.heapPerStageBytes });
    });
  });
}

/** The files two implementations must agree on: every template, and the metrics the app wrote beside them. */
function comparableFiles(dir) {
  return fs.readdirSync(dir).filter((f) => f.endsWith('.template.json') || f === 'metrics.json').sort();
}

/** Throws unless the other implementations (aws-cdk-lib's stage) synthesized byte-identical templates and metrics to ours. */
function assertSameOutput(label, oursDir, ...otherDirs) {
  const files = comparableFiles(oursDir);
  for (const dir of otherDirs) {
    const theirs = comparableFiles(dir);
    if (files.join() !== theirs.join()) {
      throw new Error(`${label}: ours wrote ${files.join(', ')}, aws-cdk-lib's stage ${theirs.join(', ')}`);
    }
    for (const f of files) {
      if (!fs.readFileSync(path.join(oursDir, f)).equals(fs.readFileSync(path.join(dir, f)))) {
        throw new Error(`${label}: ${f} differs between ours (${oursDir}) and aws-cdk-lib's stage (${dir})`);
      }
    }
  }
}

const label = ({ cdk, validation }) => `${cdk}${cdk === 'latest' ? ` validation ${validation ? 'on' : 'off'}` : ''}`;

/** One process per implementation and config into kept outdirs, compared. In a full run, these are the warm-up. */
async function checkEquivalence(configs, stages) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-equivalence-'));
  for (const [c, config] of configs.entries()) {
    const impls = implementations(config);
    const dirs = impls.map((impl) => path.join(tmp, `${c}-${impl}`));
    for (const [i, impl] of impls.entries()) {
      const s = await runApp(impl, config, stages, dirs[i]);
      log(`${label(config)} (${s.cdkVersion}) ${impl}: ok, ${s.wallMs.toFixed(0)} ms`);
    }
    assertSameOutput(label(config), ...dirs);
  }
  log(`ours and aws-cdk-lib's stage synthesize the same templates and metrics (${stages} stages)`);
  // Kept when a check fails, for the diff.
  fs.rmSync(tmp, { recursive: true, force: true });
}

/** `runs` rounds; every round runs each config with each implementation, the order rotating from round to round. */
async function measure(stages, runs) {
  const samples = CONFIGS.map((config) => ({ ...config, ...Object.fromEntries(implementations(config).map((impl) => [impl, []])) }));
  for (let r = 0; r < runs; r++) {
    for (const entry of samples) {
      const impls = implementations(entry);
      const order = impls.map((_, i) => impls[(i + r) % impls.length]);
      for (const impl of order) {
        const s = await runApp(impl, entry, stages);
        entry.cdkVersion = s.cdkVersion;
        entry[impl].push({ wallMs: s.wallMs, cpuMs: s.cpuMs, phases: s.phases });
        log(`run ${r + 1}/${runs} ${label(entry)} ${impl}: ${s.wallMs.toFixed(0)} ms wall, ${s.cpuMs.toFixed(0)} ms CPU`);
      }
    }
  }
  return samples;
}

/**
 * The heap each stage holds (app.js under `--expose-gc`), in processes of their own since the collections it forces
 * would count in the timing: MEMORY_RUNS per implementation, alternating, on each aws-cdk-lib with validation off.
 */
async function measureMemory(stages) {
  const results = [];
  for (const config of CONFIGS.filter((c) => !c.validation)) {
    const entry = { ...config, ours: [], 'aws-cdk-lib': [] };
    for (let r = 0; r < MEMORY_RUNS; r++) {
      for (const impl of IMPLEMENTATIONS) {
        const s = await runApp(impl, config, stages, undefined, ['--expose-gc']);
        entry.cdkVersion = s.cdkVersion;
        entry[impl].push(s.heapPerStageBytes);
        log(`memory ${r + 1}/${MEMORY_RUNS} ${label(config)} ${impl}: ${s.heapPerStageBytes.toFixed(0)} bytes per stage`);
      }
    }
    results.push(entry);
  }
  return results;
}

function machine() {
  const version = (pkg) => require(path.join(ROOT, 'node_modules', pkg, 'package.json')).version;
  return {
    cores: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? 'n/a',
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    commit: execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim(),
    awsCdkLib: { floor: version('aws-cdk-lib'), latest: version('aws-cdk-lib-latest') },
  };
}

async function main() {
  if (!fs.existsSync(path.join(ROOT, 'lib', 'index.js'))) {
    throw new Error('lib/index.js is missing: build the library first (npm run build)');
  }
  if (process.argv.includes('--smoke')) {
    await checkEquivalence([{ cdk: 'floor', validation: false }, { cdk: 'latest', validation: false }], 10);
    return;
  }
  const stages = option('stages', 1000);
  const runs = option('runs', 7);
  const started = Date.now();
  const loadBefore = os.loadavg();
  await checkEquivalence(CONFIGS, stages);
  const samples = await measure(stages, runs);
  const memory = await measureMemory(stages);
  const results = {
    started: new Date(started).toISOString(),
    totalSeconds: (Date.now() - started) / 1000,
    machine: machine(),
    settings: { stages, runs },
    loadAverage: { before: loadBefore, after: os.loadavg() },
    samples,
    memory,
  };
  fs.writeFileSync(path.join(__dirname, 'results.json'), JSON.stringify(results, null, 1) + '\n');
  writeReport(results, path.join(__dirname, 'RESULTS.md'));
  log(`wrote bench/results.json and bench/RESULTS.md in ${results.totalSeconds.toFixed(0)} s`);
}

main().catch((error) => {
  console.error(error.stack ?? error);
  process.exit(1);
});
