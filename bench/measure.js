'use strict';
// Runs one command as a whole process and measures it: wall time (from the parent), CPU time (user + system
// of the process and every descendant it waited for, from GNU time's wait4 rusage), and peak memory.
//
// Peak memory is the larger of GNU time's max RSS (the largest single process, exact) and the peak of the
// summed RSS of the whole process tree, sampled every 20 ms from /proc. The sum matters for Python, where the
// jsii runtime is a second (node) process beside the interpreter.
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const GNU_TIME = '/usr/bin/time';
const SAMPLE_MS = 20;
const hasGnuTime = fs.existsSync(GNU_TIME);

function readChildren(pid) {
  try {
    return fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

function rssKb(pid) {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** The summed RSS of a process and all its descendants, in KB. */
function treeRssKb(pid) {
  let total = 0;
  const pending = [pid];
  while (pending.length > 0) {
    const p = pending.pop();
    total += rssKb(p);
    pending.push(...readChildren(p));
  }
  return total;
}

/**
 * Runs `command args` and resolves to { wallMs, cpuMs, peakRssMb, stdout, stderr }. Rejects when the command fails.
 */
function measure(command, args, { env = process.env, cwd } = {}) {
  const timeFile = path.join(os.tmpdir(), `bench-time-${process.pid}-${Date.now()}.txt`);
  const [exe, argv] = hasGnuTime
    ? [GNU_TIME, ['-f', '%U %S %M', '-o', timeFile, command, ...args]]
    : [command, args];
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(exe, argv, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => { stdout += chunk; });
    child.stderr.on('data', (chunk) => { stderr += chunk; });
    let sampledPeakKb = 0;
    const sampler = setInterval(() => {
      sampledPeakKb = Math.max(sampledPeakKb, treeRssKb(child.pid));
    }, SAMPLE_MS);
    child.on('error', (error) => { clearInterval(sampler); reject(error); });
    child.on('close', (code) => {
      const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
      clearInterval(sampler);
      let cpuMs = NaN;
      let maxRssKb = 0;
      if (hasGnuTime && fs.existsSync(timeFile)) {
        const line = fs.readFileSync(timeFile, 'utf8').trim().split('\n').pop();
        fs.rmSync(timeFile, { force: true });
        const [user, sys, maxRss] = line.split(' ').map(Number);
        cpuMs = (user + sys) * 1000;
        maxRssKb = maxRss;
      }
      if (code !== 0) {
        reject(new Error(`${command} ${args.join(' ')} exited with ${code}\n${stderr.slice(-4000)}`));
        return;
      }
      resolve({ wallMs, cpuMs, peakRssMb: Math.max(maxRssKb, sampledPeakKb) / 1024, stdout, stderr });
    });
  });
}

module.exports = { measure, hasGnuTime };
