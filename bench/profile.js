'use strict';
// Where one synthesis process spends its CPU: `node bench/profile.js [implementation] [stages]`.
// Runs bench/app.js under `node --cpu-prof` and prints the total, the self time spent in this library's own
// code (lib/), and the inclusive time of the app's phases and of every lib/ function, biggest first.
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.join(__dirname, '..');
const LIB = path.join(ROOT, 'lib') + path.sep;

function shortName(frame) {
  const file = frame.url.replace(/^file:\/\//, '');
  const where = file.includes('/node_modules/') ? file.replace(/^.*\/node_modules\//, '')
    : file.startsWith(ROOT) ? path.relative(ROOT, file) : file;
  return `${frame.functionName || '(module)'} ${where}:${frame.lineNumber + 1}`;
}

function summarize(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) {
    for (const c of n.children ?? []) {
      parent.set(c, n.id);
    }
  }
  const selfUs = new Map();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  let total = 0;
  let libSelf = 0;
  const inclusive = new Map();
  for (const [id, us] of selfUs) {
    total += us;
    if (byId.get(id).callFrame.url.includes(LIB)) {
      libSelf += us;
    }
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const key = shortName(byId.get(cur).callFrame);
      if (!seen.has(key)) {
        seen.add(key);
        inclusive.set(key, (inclusive.get(key) ?? 0) + us);
      }
    }
  }
  return { total, libSelf, inclusive };
}

function main() {
  const [impl = 'ours', stages = '1000'] = process.argv.slice(2);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-prof-'));
  try {
    execFileSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--cpu-prof-interval=100',
      path.join(__dirname, 'app.js'), impl, stages], { stdio: ['ignore', 'ignore', 'inherit'] });
    const file = fs.readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
    const { total, libSelf, inclusive } = summarize(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')));
    const ms = (us) => `${(us / 1000).toFixed(1)} ms`;
    console.log(`${impl}, N = ${stages}: ${ms(total)} sampled; self time in lib/ (this library's code): `
      + `${ms(libSelf)} (${((100 * libSelf) / total).toFixed(1)}%)`);
    const sorted = [...inclusive].sort((a, b) => b[1] - a[1]);
    const show = (title, rows) => {
      console.log(title);
      for (const [key, us] of rows) {
        console.log(`${ms(us).padStart(10)}  ${key}`);
      }
    };
    show('The app (inclusive):', sorted.filter(([k]) => / bench\//.test(k)).slice(0, 8));
    show('aws-cdk-lib, the 12 biggest (inclusive):', sorted.filter(([k]) => /aws-cdk-lib\//.test(k)).slice(0, 12));
    show('This library, lib/ (inclusive, >= 1 ms):', sorted.filter(([k]) => / lib\//.test(k) && inclusive.get(k) >= 1000));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main();
