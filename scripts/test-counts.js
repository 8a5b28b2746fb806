'use strict';
// The test counts of one `npm test` run, read from the reports its parts wrote after the file given as argument
// was touched (a report from an earlier run does not count). Prints one line per test runner, then the total,
// alone on the last line as 'N passed, N failed' for CI to read.
const fs = require('fs');
const path = require('path');

const ROOT = path.join(__dirname, '..');
const since = fs.statSync(process.argv[2]).mtimeMs;

/** The files in `dir` whose name matches `pattern`, written during this run. */
function reports(dir, pattern) {
  const full = path.join(ROOT, dir);
  if (!fs.existsSync(full)) return [];
  return fs.readdirSync(full).filter((name) => pattern.test(name)).map((name) => path.join(full, name))
    .filter((file) => fs.statSync(file).mtimeMs >= since);
}

/** pytest's --junitxml and Maven surefire write the same JUnit XML: one <testsuite> element per file. */
function junit(files) {
  let passed = 0;
  let failed = 0;
  for (const file of files) {
    const suite = fs.readFileSync(file, 'utf8').match(/<testsuite\b[^>]*>/)[0];
    const count = (name) => Number((suite.match(new RegExp(`\\b${name}="(\\d+)"`)) ?? [])[1] ?? 0);
    failed += count('failures') + count('errors');
    passed += count('tests') - count('failures') - count('errors') - count('skipped');
  }
  return { passed, failed };
}

function jest(files) {
  const results = files.map((file) => JSON.parse(fs.readFileSync(file, 'utf8')));
  return { passed: results.reduce((n, r) => n + r.numPassedTests, 0), failed: results.reduce((n, r) => n + r.numFailedTests, 0) };
}

/** `go test -v` prints a '--- PASS: Test...' or '--- FAIL: Test...' line per top-level test. */
function goTest(files) {
  const text = files.map((file) => fs.readFileSync(file, 'utf8')).join('\n');
  return { passed: (text.match(/^--- PASS:/gm) ?? []).length, failed: (text.match(/^--- FAIL:/gm) ?? []).length };
}

// test:ts runs every suite test:unit runs: its report counts, or the quick loop's if the run stopped before test:ts.
const fullJest = reports('test-reports', /^jest\.json$/);
const jestReports = fullJest.length > 0 ? fullJest : reports('test-reports', /^jest-unit\.json$/);

const RUNNERS = [
  ['jest', jestReports, jest],
  ['pytest', reports('test-reports', /^pytest(-package)?\.xml$/), junit],
  ['JUnit', reports('test/java/target/surefire-reports', /^TEST-.*\.xml$/), junit],
  ['go test', reports('test-reports', /^go-test\.txt$/), goTest],
];

const total = { passed: 0, failed: 0 };
for (const [runner, files, count] of RUNNERS) {
  if (files.length === 0) continue;
  const { passed, failed } = count(files);
  console.log(`${runner}: ${passed} passed, ${failed} failed`);
  total.passed += passed;
  total.failed += failed;
}
console.log(`${total.passed} passed, ${total.failed} failed`);
