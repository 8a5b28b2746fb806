'use strict';
// `npm run bench`: what a stage costs at synthesis, for this library's WebSocketStage, aws-cdk-lib's and a raw
// CfnStage, in TypeScript (node) and Python (through the jsii runtime), and what requiring the library costs.
// Writes bench/results.json, the tables in bench/RESULTS.md and bench/chart.svg.
//
// `node bench/run.js --smoke` (run by `npm test`): N = 10, one run each, no timing asserted, nothing written.
// It checks that every app synthesizes, with the expected resources and the same templates for every
// implementation. Python is included only when its venv exists.
//
// Options: --runs R (TypeScript runs per configuration, default 7), --py-runs R (default 5),
// --require-runs R (default 15), --attribution-runs R (default: --runs), --sizes 100,500,1000. BENCH_PYTHON picks the Python interpreter.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { STAGES_PER_API, STAGES_PER_STACK } = require('./app');
const { writeChart } = require('./chart');
const { assertSameTemplates } = require('./equivalence');
const { IMPLEMENTATIONS } = require('./implementations');
const { machineInfo } = require('./machine');
const { measure, hasGnuTime } = require('./measure');
const { findPython } = require('./python-env');
const { writeReport } = require('./report');

const ROOT = path.join(__dirname, '..');
const TS_APP = path.join(__dirname, 'app.js');
const PY_APP = path.join(__dirname, 'app.py');
const REQUIRE_PROBE = path.join(__dirname, 'require-probe.js');
const ATTRIBUTION = path.join(__dirname, 'attribution.js');
const ENV = { ...process.env, JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION: '20,22' };

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

const log = (...args) => console.error('[bench]', ...args);

/** The resources N stages make: the stages, and per API the API, its role and the role's policy. */
function expectedResources(n) {
  return n + 3 * Math.ceil(n / STAGES_PER_API);
}

/** One measured process of an app; checks what it synthesized. */
async function runApp(command, args, n, outdir) {
  const m = await measure(command, outdir ? [...args, outdir] : args, { env: ENV, cwd: ROOT });
  const report = JSON.parse(m.stdout.trim().split('\n').pop());
  if (report.resources !== expectedResources(n) || report.stacks !== Math.ceil(n / STAGES_PER_STACK)) {
    throw new Error(`${args.join(' ')}: synthesized ${report.stacks} stacks / ${report.resources} resources, `
      + `expected ${Math.ceil(n / STAGES_PER_STACK)} / ${expectedResources(n)}`);
  }
  return { wallMs: m.wallMs, cpuMs: m.cpuMs, peakRssMb: m.peakRssMb, phases: report.phases };
}

/**
 * Measures every implementation at size n: one warm-up run each (discarded), then `runs` rounds. Each round
 * runs every implementation once, starting one further along the list each round, so that no implementation
 * always runs first or after the same neighbour while the machine's load drifts.
 */
async function compare(label, command, scriptFor, impls, n, runs, warmUp) {
  const samples = Object.fromEntries(impls.map((impl) => [impl, []]));
  if (warmUp) {
    for (const impl of impls) {
      await runApp(command, [scriptFor, impl, String(n)], n);
    }
  }
  for (let r = 0; r < runs; r++) {
    for (let k = 0; k < impls.length; k++) {
      const impl = impls[(r + k) % impls.length];
      const s = await runApp(command, [scriptFor, impl, String(n)], n);
      samples[impl].push(s);
      log(`${label} N=${n} run ${r + 1}/${runs} ${impl}: ${s.wallMs.toFixed(0)} ms wall, ${s.cpuMs.toFixed(0)} ms CPU, `
        + `${s.peakRssMb.toFixed(0)} MB`);
    }
  }
  return impls.map((impl) => ({ n, impl, samples: samples[impl] }));
}

const REQUIRE_MODES = ['baseline', 'ours', 'cdk-class', 'ours-in-app'];

/** The require benchmark: whole processes, rotating through the modes (see require-probe.js) each round. */
async function requireCost(runs, warmUp) {
  const samples = Object.fromEntries(REQUIRE_MODES.map((mode) => [mode, []]));
  for (let r = -(warmUp ? 1 : 0); r < runs; r++) {
    for (let k = 0; k < REQUIRE_MODES.length; k++) {
      const mode = REQUIRE_MODES[(Math.max(r, 0) + k) % REQUIRE_MODES.length];
      const m = await measure(process.execPath, [REQUIRE_PROBE, mode], { env: ENV, cwd: ROOT });
      if (r >= 0) {
        samples[mode].push({ wallMs: m.wallMs, cpuMs: m.cpuMs, peakRssMb: m.peakRssMb, inProcess: JSON.parse(m.stdout) });
      }
    }
  }
  return samples;
}

async function smoke(python) {
  const n = 10;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-smoke-'));
  try {
    const outdirs = {};
    for (const impl of Object.keys(IMPLEMENTATIONS)) {
      outdirs[impl] = path.join(tmp, `ts-${impl}`);
      const s = await runApp(process.execPath, [TS_APP, impl, String(n)], n, outdirs[impl]);
      log(`smoke TypeScript N=${n} ${impl}: ok (${s.wallMs.toFixed(0)} ms)`);
    }
    assertSameTemplates(outdirs);
    log('smoke TypeScript: the three implementations synthesize the same templates');
    if (python.skipped) {
      log(`smoke Python: skipped: ${python.skipped}`);
    } else {
      const pyOutdirs = {};
      for (const impl of ['ours', 'aws-cdk-lib']) {
        pyOutdirs[`python ${impl}`] = path.join(tmp, `py-${impl}`);
        const s = await runApp(python.python, [PY_APP, impl, String(n)], n, pyOutdirs[`python ${impl}`]);
        log(`smoke Python N=${n} ${impl}: ok (${s.wallMs.toFixed(0)} ms)`);
      }
      assertSameTemplates({ 'TypeScript ours': outdirs.ours, ...pyOutdirs });
      log('smoke Python: both implementations synthesize the same templates as TypeScript');
    }
    const req = await requireCost(1, false);
    log(`smoke require: ok (ours ${req.ours[0].inProcess.step.ms.toFixed(1)} ms in process)`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

async function full(python) {
  const runs = Number(option('runs', 7));
  const pyRuns = Number(option('py-runs', 5));
  const requireRuns = Number(option('require-runs', 15));
  const sizes = option('sizes', '100,500,1000').split(',').map(Number);
  const started = new Date();
  const results = {
    started: started.toISOString(),
    machine: machineInfo(python),
    settings: { runs, pyRuns, requireRuns, sizes, stagesPerApi: STAGES_PER_API, stagesPerStack: STAGES_PER_STACK, gnuTime: hasGnuTime },
    loadBefore: os.loadavg(),
    typescript: [],
    python: python.skipped ? { skipped: python.skipped } : { configs: [] },
  };
  for (const n of sizes) {
    results.typescript.push(...await compare('TypeScript', process.execPath, TS_APP, Object.keys(IMPLEMENTATIONS), n, runs, true));
  }
  if (python.skipped) {
    log(`Python: SKIPPED: ${python.skipped}`);
  } else {
    results.python.configs = await compare('Python', python.python, PY_APP, ['ours', 'aws-cdk-lib'], 100, pyRuns, true);
  }
  results.require = await requireCost(requireRuns, true);
  const attributionRuns = Number(option('attribution-runs', runs));
  log(`attribution: per-stage CPU in one warm process, N = 1000, ${attributionRuns} rounds`);
  const attribution = await measure(process.execPath, ['--expose-gc', ATTRIBUTION, '1000', String(attributionRuns)], { env: ENV, cwd: ROOT });
  results.attribution = JSON.parse(attribution.stdout.trim().split('\n').pop());
  results.loadAfter = os.loadavg();
  results.finished = new Date().toISOString();
  fs.writeFileSync(path.join(__dirname, 'results.json'), JSON.stringify(results, null, 2) + '\n');
  writeReport(results, path.join(__dirname, 'RESULTS.md'));
  writeChart(results, path.join(__dirname, 'chart.svg'));
  log('wrote bench/results.json, bench/RESULTS.md and bench/chart.svg');
}

async function main() {
  if (!fs.existsSync(path.join(ROOT, 'lib', 'index.js'))) {
    throw new Error('lib/index.js is missing: build the library first (npx jsii)');
  }
  const python = findPython();
  if (process.argv.includes('--smoke')) {
    await smoke(python);
  } else {
    await full(python);
  }
}

main().catch((error) => {
  console.error(error.stack ?? error);
  process.exit(1);
});
