'use strict';
// Draws bench/chart.svg: median wall time of the TypeScript app against N, one line per implementation, with
// the interquartile range of the runs as a bar at each point (min-max would be dominated by the shared
// machine's worst moments). Plain SVG, no dependencies.
const fs = require('fs');
const { median, quantile } = require('./stats');

const COLORS = { ours: '#d62728', 'aws-cdk-lib': '#1f77b4', cfnstage: '#2ca02c' };
const LABELS = { ours: 'ours (cdk-websocket-stage)', 'aws-cdk-lib': "aws-cdk-lib's WebSocketStage", cfnstage: 'raw CfnStage' };

function niceMax(v) {
  const step = 10 ** Math.floor(Math.log10(v));
  return Math.ceil(v / step) * step;
}

function chartSvg(results) {
  const W = 640;
  const H = 400;
  const pad = { left: 70, right: 20, top: 40, bottom: 60 };
  const configs = results.typescript;
  const sizes = [...new Set(configs.map((c) => c.n))].sort((a, b) => a - b);
  const maxN = niceMax(Math.max(...sizes));
  const maxT = niceMax(Math.max(...configs.map((c) => quantile(c.samples.map((s) => s.wallMs), 0.75))) * 1.15 / 1000);
  const x = (n) => pad.left + (n / maxN) * (W - pad.left - pad.right);
  const y = (t) => H - pad.bottom - (t / maxT) * (H - pad.top - pad.bottom);
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`,
    `<rect width="${W}" height="${H}" fill="white"/>`,
    `<text x="${W / 2}" y="20" text-anchor="middle" font-size="14">Synthesis time against N stages (TypeScript, ${results.machine.cores} cores, median of ${results.settings.runs} runs)</text>`,
  ];
  for (let i = 0; i <= 5; i++) {
    const t = (maxT * i) / 5;
    out.push(`<line x1="${pad.left}" x2="${W - pad.right}" y1="${y(t)}" y2="${y(t)}" stroke="#ddd"/>`,
      `<text x="${pad.left - 8}" y="${y(t) + 4}" text-anchor="end">${t.toFixed(1)} s</text>`);
  }
  for (const n of [0, ...sizes]) {
    out.push(`<text x="${x(n)}" y="${H - pad.bottom + 18}" text-anchor="middle">${n}</text>`);
  }
  out.push(`<line x1="${pad.left}" x2="${W - pad.right}" y1="${y(0)}" y2="${y(0)}" stroke="black"/>`,
    `<line x1="${pad.left}" x2="${pad.left}" y1="${pad.top}" y2="${y(0)}" stroke="black"/>`,
    `<text x="${(pad.left + W - pad.right) / 2}" y="${H - 25}" text-anchor="middle">N (stages in the app; 100 per stack)</text>`,
    `<text transform="translate(18 ${(pad.top + H - pad.bottom) / 2}) rotate(-90)" text-anchor="middle">wall time per process</text>`);
  const impls = [...new Set(configs.map((c) => c.impl))];
  impls.forEach((impl, k) => {
    const points = sizes.map((n) => configs.find((c) => c.n === n && c.impl === impl))
      .map((c) => ({ n: c.n, walls: c.samples.map((s) => s.wallMs / 1000) }));
    const dx = (k - (impls.length - 1) / 2) * 5;
    out.push(`<polyline fill="none" stroke="${COLORS[impl]}" stroke-width="2" points="${points
      .map((p) => `${(x(p.n) + dx).toFixed(1)},${y(median(p.walls)).toFixed(1)}`).join(' ')}"/>`);
    for (const p of points) {
      const cx = (x(p.n) + dx).toFixed(1);
      out.push(`<line x1="${cx}" x2="${cx}" y1="${y(quantile(p.walls, 0.25)).toFixed(1)}" y2="${y(quantile(p.walls, 0.75)).toFixed(1)}" stroke="${COLORS[impl]}"/>`,
        `<circle cx="${cx}" cy="${y(median(p.walls)).toFixed(1)}" r="3.5" fill="${COLORS[impl]}"><title>${LABELS[impl]}, N = ${p.n}: ${median(p.walls).toFixed(2)} s</title></circle>`);
    }
    const ly = pad.top + 10 + k * 18;
    out.push(`<line x1="${pad.left + 15}" x2="${pad.left + 40}" y1="${ly}" y2="${ly}" stroke="${COLORS[impl]}" stroke-width="2"/>`,
      `<text x="${pad.left + 46}" y="${ly + 4}">${LABELS[impl]}</text>`);
  });
  out.push(`<text x="${W - pad.right}" y="${H - 8}" text-anchor="end" fill="#666">bars: 25th-75th percentile of the runs; shared machine, see RESULTS.md</text>`, '</svg>');
  return out.join('\n') + '\n';
}

function writeChart(results, file) {
  fs.writeFileSync(file, chartSvg(results));
}

module.exports = { writeChart, chartSvg };
