import * as fs from 'fs';
import * as path from 'path';

// The README is for users: contributor material belongs in CONTRIBUTING.md. The limit keeps it that way.
const README_MAX_BYTES = 20 * 1024;

test('README.md stays within 20 KB', () => {
  const size = fs.statSync(path.join(__dirname, '..', 'README.md')).size;
  expect(size).toBeLessThanOrEqual(README_MAX_BYTES);
});
