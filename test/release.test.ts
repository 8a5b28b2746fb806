import { spawnSync } from 'child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { parse } from 'yaml';

// What a release depends on and no other test sees: the workflows that build and publish, scripts/publish.sh (publib's
// one configuration), the rehearsal, the changelog, docs/releasing.md and the tag check. actionlint checks the workflows' syntax
// (scripts/check-workflows.sh); these tests check what they do.

interface Step {
  readonly name?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly with?: Record<string, string | number>;
  readonly env?: Record<string, string>;
}
interface Job {
  readonly 'needs'?: string | string[];
  readonly 'environment'?: string | { name: string };
  readonly 'permissions'?: Record<string, string>;
  readonly 'steps': Step[];
}
interface Workflow {
  readonly on: Record<string, unknown>;
  readonly permissions?: Record<string, string>;
  readonly jobs: Record<string, Job>;
}

const root = join(__dirname, '..');
const read = (file: string) => readFileSync(join(root, file), 'utf8');
const workflow = (name: string) => parse(read(`.github/workflows/${name}`)) as Workflow;
const packageJson = JSON.parse(read('package.json'));

const release = workflow('release.yml');
const build = workflow('build.yml');

/** The registries and, for each, the argument of scripts/publish.sh, the publib publisher and the dist/ directory. */
const PUBLISHERS = {
  npm: { arg: 'npm', bin: 'publib-npm', dir: 'dist/js' },
  PyPI: { arg: 'pypi', bin: 'publib-pypi', dir: 'dist/python' },
  Maven: { arg: 'maven', bin: 'publib-maven', dir: 'dist/java' },
  NuGet: { arg: 'nuget', bin: 'publib-nuget', dir: 'dist/dotnet' },
  Go: { arg: 'golang', bin: 'publib-golang', dir: 'dist/go' },
};
const publishScript = read('scripts/publish.sh');
const rehearsal = read('scripts/release-rehearse.sh');
const releasing = read('docs/releasing.md');

const asList = (value: string | string[] | undefined) => (value === undefined ? [] : [value].flat());
const runs = (job: Job) => job.steps.map((step) => step.run ?? '');
const indexOfRun = (job: Job, pattern: RegExp) => runs(job).findIndex((run) => pattern.test(run));
const publishJobs = Object.entries(release.jobs).filter(([id]) => id !== 'package');
const uploadStep = release.jobs.package.steps.find((step) => step.uses?.startsWith('actions/upload-artifact@'));

/** The text of one `## ` section of a Markdown file, without its heading. */
function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n## ${heading}\n`);
  if (start < 0) {
    throw new Error(`no '## ${heading}' section`);
  }
  const end = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start, end < 0 ? undefined : end);
}

describe('release.yml', () => {
  test('runs on the push of a version tag, and on nothing else', () => {
    expect(release.on).toEqual({ push: { tags: ['v*.*.*'] } });
  });

  test('checks the tag before it tests and packages, then uploads dist/ after npm test', () => {
    const job = release.jobs.package;
    const tagCheck = indexOfRun(job, /^bash scripts\/check-release-tag\.sh "\$GITHUB_REF_NAME"$/);
    const install = indexOfRun(job, /^npm ci$/);
    const npmTest = indexOfRun(job, /^npm test$/);
    expect([install, tagCheck, npmTest].every((i) => i >= 0)).toBe(true);
    expect(install).toBeLessThan(tagCheck);
    expect(tagCheck).toBeLessThan(npmTest);
    expect(job.steps.indexOf(uploadStep!)).toBeGreaterThan(npmTest);
  });

  test('its npm test packages dist/ and checks the packages, and nothing after that rebuilds them', () => {
    const parts = String(packageJson.scripts.test).split(' ');
    expect(parts.slice(0, 2)).toEqual(['bash', 'scripts/run-parts.sh']);
    const packageAt = parts.indexOf('package');
    expect(packageAt).toBeGreaterThan(1);
    expect(parts.indexOf('test:package')).toBe(packageAt + 1);
    // test:bindings tests the same packages: it must reuse dist/, not run pacmak over it (then it'd ship untested)
    expect(parts.indexOf('test:bindings')).toBeGreaterThan(packageAt);
    expect(read('scripts/test-bindings.sh')).not.toMatch(/rm -rf[^\n]*dist\/(js|python|java|go|dotnet)/);
  });

  test('the package job builds the NuGet package: it sets up a .NET SDK', () => {
    const dotnet = release.jobs.package.steps.find((step) => step.uses?.startsWith('actions/setup-dotnet@'));
    expect(dotnet?.with?.['dotnet-version']).toMatch(/^8\./);
  });

  test('the package job uploads every directory a publisher reads, as one artifact that must not be empty', () => {
    expect(uploadStep?.with?.name).toEqual('dist');
    expect(uploadStep?.with?.['if-no-files-found']).toEqual('error');
    const uploaded = String(uploadStep?.with?.path).trim().split('\n').map((line) => line.trim());
    expect(uploaded.sort()).toEqual(Object.values(PUBLISHERS).map(({ dir }) => dir).sort());
  });

  test.each(publishJobs)('publish job %s needs the package job and downloads its artifact instead of building', (_id, job) => {
    expect(asList(job.needs)).toEqual(['package']);
    const download = job.steps.find((step) => step.uses?.startsWith('actions/download-artifact@'));
    expect(download?.with).toEqual({ name: uploadStep?.with?.name, path: 'dist' });
    // From the repository only the publish script and package.json (publib's version), checked out before dist/ lands.
    const checkouts = job.steps.filter((step) => step.uses?.startsWith('actions/checkout@'));
    expect(checkouts.map((step) => String(step.with?.['sparse-checkout']).trim().split('\n').sort()))
      .toEqual([['package.json', 'scripts/publish.sh']]);
    expect(job.steps.indexOf(checkouts[0])).toBeLessThan(job.steps.indexOf(download!));
    expect(runs(job).filter((run) => /npm (ci|test|run)|jsii|pacmak|\bmvn (package|deploy)|dotnet (build|pack)/.test(run))).toEqual([]);
  });

  test('there is one publish step per registry, and each runs scripts/publish.sh, never publib itself', () => {
    for (const [registry, { arg }] of Object.entries(PUBLISHERS)) {
      const steps = publishJobs.flatMap(([, job]) => job.steps).filter((step) => step.run === `bash scripts/publish.sh ${arg}`);
      expect({ registry, steps: steps.length }).toEqual({ registry, steps: 1 });
    }
    expect(Object.values(release.jobs).flatMap(runs).filter((run) => /publib/.test(run))).toEqual([]);
  });

  test('its npm test rehearses the release of the packages it built, so the rehearsal runs before any publish job', () => {
    const parts = String(packageJson.scripts.test).split(' ');
    expect(parts.indexOf('release:rehearse')).toBeGreaterThan(parts.indexOf('package'));
    expect(packageJson.scripts['release:rehearse']).toEqual('bash scripts/release-rehearse.sh');
    // nothing rebuilt: no command (comments aside) builds or packages
    const commands = rehearsal.split('\n').filter((line) => !/^\s*#/.test(line)).join('\n');
    expect(commands).not.toMatch(/^\s*(npm run (build|package)|bash scripts\/(package|build)[\w-]*\.sh|npx jsii)/m);
  });

  test('publishes to Maven Central through the Central Portal, not the retired OSSRH', () => {
    expect(publishScript).toContain('export MAVEN_SERVER_ID="${MAVEN_SERVER_ID:-central-ossrh}"');
    const maven = publishJobs.flatMap(([, job]) => job.steps).find((step) => step.run === 'bash scripts/publish.sh maven');
    expect(maven?.env).not.toHaveProperty('MAVEN_SERVER_ID');
    expect(maven?.env).not.toHaveProperty('MAVEN_ENDPOINT');
  });

  test('only the publish jobs see secrets, in the release environment', () => {
    for (const [id, job] of Object.entries(release.jobs)) {
      const usesSecrets = JSON.stringify(job).includes('secrets.');
      const environment = typeof job.environment === 'object' ? job.environment.name : job.environment;
      expect({ id, usesSecrets, environment }).toEqual(id === 'package'
        ? { id, usesSecrets: false, environment: undefined }
        : { id, usesSecrets: true, environment: 'release' });
    }
  });

  test('reads the repository only, and only the npm job may ask for an OIDC token (provenance)', () => {
    expect(release.permissions).toEqual({ 'contents': 'read' });
    const withIdToken = Object.entries(release.jobs).filter(([, job]) => job.permissions?.['id-token'] === 'write');
    expect(withIdToken.map(([id]) => id)).toEqual(['npm']);
    expect(release.jobs.npm.steps.some((step) => step.env?.NPM_CONFIG_PROVENANCE === 'true')).toBe(true);
  });
});

describe('scripts/publish.sh, the one publib configuration', () => {
  test('maps each registry to its publib publisher and dist/ directory', () => {
    for (const { arg, bin, dir } of Object.values(PUBLISHERS)) {
      const dirName = dir.replace('dist/', '');
      expect(publishScript).toMatch(new RegExp(`\\n  ${arg}\\) bin=${bin}; dir="\\$DIST_DIR/${dirName}"`));
    }
  });

  test('runs the publib that package.json pins exactly, and the lock file installs', () => {
    const version: string = packageJson.devDependencies.publib;
    expect(version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(JSON.parse(read('package-lock.json')).packages['node_modules/publib'].version).toEqual(version);
    expect(publishScript).toContain('require(\'./package.json\').devDependencies.publib');
    expect(publishScript).toContain('exec npx --yes -p "publib@$publib" "$bin" "$dir"');
  });

  test('is what the rehearsal publishes with, for every registry it rehearses, and the rehearsal never runs publib itself', () => {
    for (const arg of ['npm', 'pypi', 'maven', 'golang']) {
      expect(rehearsal).toContain(`"\${PUBLISH[@]}" ${arg}`);
    }
    expect(rehearsal).toContain('bash scripts/publish.sh)');
    expect(rehearsal).not.toMatch(/^\s*(npx\b[^\n]*publib|\S*publib-(npm|pypi|maven|golang|nuget)\b)/m);
  });

  test('names no registry host: publib and the clients use their defaults', () => {
    for (const text of [publishScript, rehearsal, read('.github/workflows/release.yml'), releasing]) {
      expect(text).not.toMatch(/registry\.npmjs\.org|pypi\.org|pythonhosted|sonatype\.com|repo1?\.maven|proxy\.golang|nuget\.org|keyserver\./);
    }
  });
});

describe('the Go module repository', () => {
  const moduleName: string = packageJson.jsii.targets.go.moduleName;

  test('is the repository publib-golang derives from the module path (its first three elements)', () => {
    expect(moduleName).toMatch(/^github\.com\/[^/]+\/[^/]+$/);
  });

  test('is the one docs/releasing.md names for the release', () => {
    expect(section(releasing, 'One-time setup')).toContain(`\`${moduleName}\``);
  });
});

describe('docs/releasing.md', () => {
  test('CONTRIBUTING.md links to it from its Releasing section', () => {
    expect(section(read('CONTRIBUTING.md'), 'Releasing')).toContain('(docs/releasing.md)');
  });

  test('its table of secrets names every secret release.yml uses, and no other', () => {
    const used = [...read('.github/workflows/release.yml').matchAll(/\$\{\{\s*secrets\.(\w+)\s*\}\}/g)].map((m) => m[1]);
    // The first cell of each row of the secrets table, e.g. | `MAVEN_USERNAME`, `MAVEN_PASSWORD` | ...
    const rows = section(releasing, 'Secrets').split('\n').filter((line) => line.startsWith('| `'));
    const documented = rows.flatMap((row) => [...row.split('|')[1].matchAll(/`(\w+)`/g)].map((m) => m[1]));
    expect(documented.length).toBeGreaterThan(0);
    expect([...new Set(documented)].sort()).toEqual([...new Set(used)].sort());
    // where to get each: the registry and its page, never a host name (no "name.tld")
    const where = rows.map((row) => row.split('|')[3]);
    expect(where.filter((cell) => /\b[\w-]+\.(org|com|io|net)\b/.test(cell))).toEqual([]);
    expect(where.join('\n')).toContain('PyPI, Account settings, API tokens');
  });

  test('names the Maven namespace and Java package of package.json, which the GitHub organization can verify', () => {
    const java = packageJson.jsii.targets.java;
    const organization = new URL(packageJson.repository.url).pathname.split('/')[1];
    expect(java.maven.groupId).toEqual(`io.github.${organization}`);
    expect(java.package).toEqual(java.maven.groupId.replace(/-/g, '_'));
    expect(java.package).toMatch(/^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)*$/);
    expect(section(releasing, 'One-time setup')).toContain(`\`${java.maven.groupId}\``);
    expect(section(releasing, 'One-time setup')).toContain(`\`${java.package}\``);
    expect(read('README.md')).toContain(`\`${java.maven.groupId}:${java.maven.artifactId}\`, package \`${java.package}\``);
  });

  test('states the jsii stability of package.json, as the README does', () => {
    expect(packageJson.stability).toEqual('experimental');
    expect(releasing).toContain('jsii `stability` is\n`experimental`');
    expect(read('README.md')).toContain('Stability: **experimental** (jsii `stability`)');
  });
});

describe('.ci/run', () => {
  test('runs npm test, then proves the rehearsal\'s installations fail on broken artifacts, then closes on the test counts', () => {
    const lines = read('.ci/run').split('\n').filter((line) => line && !line.startsWith('#'));
    expect(lines.slice(-3)).toEqual(['npm test', 'npm run release:rehearse:broken', 'node scripts/test-counts.js test-reports/.run-started']);
    expect(packageJson.scripts['release:rehearse:broken']).toEqual('bash test/rehearsal/broken-artifacts.sh');
  });
});

describe('build.yml', () => {
  test('runs on pull requests and on pushes to main', () => {
    expect(Object.keys(build.on).sort()).toEqual(['pull_request', 'push']);
    expect(build.on.push).toEqual({ branches: ['main'] });
  });

  test('runs npm ci, then npm test', () => {
    const job = Object.values(build.jobs).find((candidate) => indexOfRun(candidate, /^npm test$/) >= 0);
    expect(job).toBeDefined();
    expect(runs(job!).filter((run) => run !== '')).toEqual(['npm ci', 'npm test']);
  });

  test('reads the repository only', () => {
    expect(build.permissions).toEqual({ contents: 'read' });
  });
});

describe('CHANGELOG.md', () => {
  const changelog = read('CHANGELOG.md');
  const version: string = packageJson.version;
  const repository = packageJson.repository.url.replace(/\.git$/, '');
  const headings = [...changelog.matchAll(/^## (.*)$/gm)].map((m) => m[1]);

  test('follows Keep a Changelog and Semantic Versioning', () => {
    expect(changelog.startsWith('# Changelog\n')).toBe(true);
    expect(changelog).toContain('[Keep a Changelog](https://keepachangelog.com/en/1.1.0/)');
    expect(changelog).toContain('[Semantic Versioning](https://semver.org/spec/v2.0.0.html)');
  });

  test('starts with the Unreleased section, then the package.json version with a date', () => {
    expect(headings[0]).toEqual('[Unreleased]');
    expect(headings[1]).toMatch(new RegExp(`^\\[${version.replace(/\./g, '\\.')}\\] - \\d{4}-\\d{2}-\\d{2}$`));
    const date = headings[1].split(' - ')[1];
    expect(new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10)).toEqual(date);
  });

  test('every version heading is a version with a date, and links to its compare or tag page', () => {
    const versions = headings.slice(1).map((heading) => /^\[(\d+\.\d+\.\d+)\] - \d{4}-\d{2}-\d{2}$/.exec(heading)?.[1]);
    expect(versions.every((v) => v !== undefined)).toBe(true);
    expect(changelog).toContain(`\n[Unreleased]: ${repository}/compare/v${versions[0]}...HEAD\n`);
    versions.forEach((v, i) => {
      const previous = versions[i + 1];
      const link = previous === undefined ? `${repository}/releases/tag/v${v}` : `${repository}/compare/v${previous}...v${v}`;
      expect(changelog).toContain(`\n[${v}]: ${link}\n`);
    });
  });
});

describe('scripts/check-release-tag.sh', () => {
  const version: string = packageJson.version;
  const check = (tag: string, cwd = root) => spawnSync('bash', [join(cwd, 'scripts/check-release-tag.sh'), tag], { encoding: 'utf8' });

  test('passes the tag v + the package.json version', () => {
    const result = check(`v${version}`);
    expect(result.stderr).toEqual('');
    expect(result.status).toBe(0);
  });

  test('fails a tag that is not the package.json version, naming both', () => {
    const result = check('v99.0.0');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`tag 'v99.0.0' does not match package.json version '${version}'`);
  });

  test('fails a version that CHANGELOG.md has no section for, naming it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'check-release-tag-'));
    try {
      mkdirSync(join(dir, 'scripts'));
      cpSync(join(root, 'scripts/check-release-tag.sh'), join(dir, 'scripts/check-release-tag.sh'));
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ version: '9.8.7' }));
      // Near misses: a longer version, dots that are not dots, a heading of another level.
      const nearMisses = ['## [9.8.70] - 2026-01-01', '## [9.8.7-rc.1] - 2026-01-01', '## [9x8x7] - 2026-01-01', '### [9.8.7]'];
      writeFileSync(join(dir, 'CHANGELOG.md'), ['# Changelog', '## [Unreleased]', ...nearMisses].join('\n\n') + '\n');
      const result = check('v9.8.7', dir);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain("CHANGELOG.md has no '## [9.8.7]' section for tag 'v9.8.7'");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
