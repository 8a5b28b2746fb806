import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import { dirname, join } from 'path';

// The docs a user and a maintainer read: their sizes, their links, and the layout CONTRIBUTING.md gives of src/.
// Run by `npm run test:docs`, early in `npm test`.

const ROOT = join(__dirname, '..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

/** The README is for using the library; reference tables live in docs/. The cap keeps room for new features. */
const README_MAX_BYTES = 20 * 1024;
/** CONTRIBUTING.md is the maintainer's short path; history belongs in the CHANGELOG and the commit messages. */
const CONTRIBUTING_MAX_BYTES = 15_000;

/** The `## ` section of a markdown text with the given title, up to the next one. */
function section(text: string, title: string): string {
  const start = text.indexOf(`\n## ${title}\n`);
  if (start < 0) throw new Error(`no section '## ${title}'`);
  const end = text.indexOf('\n## ', start + 1);
  return text.slice(start, end < 0 ? undefined : end);
}

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens. */
const anchor = (heading: string) => heading.trim().toLowerCase().replace(/[^a-z0-9 _-]/g, '').replace(/ /g, '-');

const DOCS = ['README.md', 'CONTRIBUTING.md', 'CHANGELOG.md', 'bench/RESULTS.md',
  ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

test(`README.md stays within ${README_MAX_BYTES} bytes`, () => {
  expect(statSync(join(ROOT, 'README.md')).size).toBeLessThanOrEqual(README_MAX_BYTES);
});

test(`CONTRIBUTING.md stays within ${CONTRIBUTING_MAX_BYTES} bytes, and starts with "Making a change"`, () => {
  const text = read('CONTRIBUTING.md');
  expect(Buffer.byteLength(text)).toBeLessThanOrEqual(CONTRIBUTING_MAX_BYTES);
  expect(text.match(/^## (.*)$/m)?.[1]).toBe('Making a change');
});

test('the project layout in CONTRIBUTING.md names every file in src/, and only files that exist', () => {
  const layout = section(read('CONTRIBUTING.md'), 'Project layout');
  const named = [...layout.matchAll(/`(src\/[^`]+\.ts)`/g)].map((m) => m[1]);
  const files = readdirSync(join(ROOT, 'src')).filter((f) => f.endsWith('.ts')).map((f) => `src/${f}`);
  expect([...new Set(named)].sort()).toEqual(files.sort());
});

test.each(DOCS)('every relative link in %s leads to a file, and a heading where it names one', (doc) => {
  const text = read(doc).replace(/```[\s\S]*?```/g, '');
  const broken: string[] = [];
  for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
    if (/^[a-z]+:/.test(target)) continue; // https:, mailto:
    const [file, hash] = target.split('#');
    const path = file === '' ? doc : join(dirname(doc), file);
    if (!existsSync(join(ROOT, path))) {
      broken.push(`${target}: no file ${path}`);
    } else if (hash !== undefined && path.endsWith('.md')) {
      const headings = [...read(path).matchAll(/^#+ (.*)$/gm)].map((m) => anchor(m[1]));
      if (!headings.includes(hash)) broken.push(`${target}: no heading #${hash} in ${path}`);
    }
  }
  expect(broken).toEqual([]);
});
