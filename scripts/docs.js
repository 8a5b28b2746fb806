// Writes the generated parts of the docs from the built library, so that each fact has one source:
// - the README's table of recommended alarms, from RECOMMENDED_ALARMS in src/recommended-alarms.ts.
// `node scripts/docs.js` rewrites them in place and prints what changed; `--check` only reports a stale part and
// exits 1. `npm run build` runs it (scripts/build.sh), and `npm run test:docs` checks it.
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const { RECOMMENDED_ALARMS } = require(path.join(root, 'lib', 'recommended-alarms.js'));

const OPERATORS = {
  GreaterThanThreshold: '>',
  GreaterThanOrEqualToThreshold: '>=',
  LessThanThreshold: '<',
  LessThanOrEqualToThreshold: '<=',
};

/** The README table: one row per recommended alarm, in the order the stage creates them. */
function alarmsTable() {
  const rows = RECOMMENDED_ALARMS.map((alarm) => {
    const operator = OPERATORS[alarm.comparisonOperator];
    if (operator === undefined) {
      throw new Error(`scripts/docs.js: no symbol for the comparison operator ${alarm.comparisonOperator}`);
    }
    const unit = alarm.option === 'integrationLatency' ? ' ms' : '';
    const ours = alarm.awsThreshold ? '' : ' (ours)';
    const option = alarm.enabledByDefault ? `\`${alarm.option}\`` : `\`${alarm.option}\` (off until enabled or given a threshold)`;
    return `| ${option} | ${alarm.statistic} ${operator} ${alarm.threshold}${unit}${ours} | ${alarm.evaluationPeriods} of ${alarm.evaluationPeriods} `
      + `| ${alarm.perRoute ? 'yes' : 'no'} | ${alarm.treatMissingData} |`;
  });
  // Missing data: AWS names no treatment for any of them, so the whole column is this library's choice.
  return ['| Option | ALARM when | Datapoints | Per route | Missing data (ours) |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}

/** Each generated part: the file, its marker name and its content. */
const PARTS = [
  { file: 'README.md', name: 'recommended-alarms', content: alarmsTable },
];

function render(text, name, content) {
  const start = `<!-- generated: ${name} (scripts/docs.js; edit the source it names, not this) -->`;
  const end = `<!-- end generated: ${name} -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) {
    throw new Error(`scripts/docs.js: the markers of '${name}' are missing: ${start} ... ${end}`);
  }
  return text.slice(0, from + start.length) + '\n' + content() + '\n' + text.slice(to);
}

const check = process.argv.includes('--check');
let stale = 0;
for (const { file, name, content } of PARTS) {
  const full = path.join(root, file);
  const text = fs.readFileSync(full, 'utf8');
  const fresh = render(text, name, content);
  if (fresh === text) continue;
  stale++;
  if (check) {
    console.error(`${file}: the generated part '${name}' is stale: run 'npm run build' (or 'node scripts/docs.js') and commit it`);
  } else {
    fs.writeFileSync(full, fresh);
    console.log(`${file}: rewrote the generated part '${name}'`);
  }
}
process.exit(check && stale > 0 ? 1 : 0);
