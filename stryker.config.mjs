// Mutation testing (`npm run mutation`, see CONTRIBUTING.md): how many deliberate bugs in src/ the quick suites catch.
import { createRequire } from 'node:module';

// The quick loop of `npm run test:unit`: the floor project, without the whole-library suites. The property test is
// left out too: its 1000 cases would run for every mutant it covers, and the quick suites are the ones that should
// kill mutants, with assertions on behaviour.
process.env.FAST_LOOP = '1';
const { projects: [floor] } = createRequire(import.meta.url)('./jest.config.js');
const { displayName, ...floorConfig } = floor;

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate: ['src/**/*.ts', '!src/index.ts'],
  testRunner: 'jest',
  jest: {
    projectType: 'custom',
    // Stryker measures per-test coverage through the top-level testEnvironment, which `projects` would bypass:
    // run the floor project as a flat config instead.
    config: { ...floorConfig, projects: undefined },
    enableFindRelatedTests: true,
  },
  coverageAnalysis: 'perTest',
  // Static mutants (in code that runs when a module loads, such as the RULES table) are covered by no single test,
  // so each would rerun every suite: about 4 hours here instead of 30 minutes. They are reported as Ignored, and
  // are left out of the score; the rules in them are checked by the tests of each rule.
  ignoreStatic: true,
  concurrency: 2,
  incremental: true,
  incrementalFile: 'reports/mutation/incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 98, low: 95, break: 95 },
  tempDirName: '.stryker-tmp',
  // The sandbox needs src/, test/ and the built .jsii (two suites read it); not the other languages' builds.
  ignorePatterns: ['dist', 'lib', 'coverage', 'reports', 'test-reports', 'examples/cdk.out', 'test/java/target', 'test/integ', '.venv'],
};
