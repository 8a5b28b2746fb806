// The unit suite runs twice: against the aws-cdk-lib floor this library supports (the devDependency) and
// against the newest aws-cdk-lib it is tested with (the `aws-cdk-lib-latest` alias), so that both ends of the
// supported range are proven and parity is checked against each.
const { devDependencies } = require('./package.json');

const floor = devDependencies['aws-cdk-lib'];
const latest = devDependencies['aws-cdk-lib-latest'].replace(/^npm:aws-cdk-lib@/, '');

const common = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // test/integ is the integ tests' own install (scripts/integ.sh): not jest's to crawl or resolve from.
  modulePathIgnorePatterns: ['<rootDir>/test/integ/'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: { isolatedModules: true } }] },
};

// `npm run test:unit` (FAST_LOOP=1) is the quick TypeScript loop: the floor project only, without the suites that
// check the library as a whole (the fuzzer, the differential test against aws-cdk-lib, cdk-nag, template validation
// and export, and the real CDK CLI on the built library). `npm run test:ts` runs all.
const WHOLE_LIBRARY_SUITES = ['/property\\.test\\.ts$', '/differential\\.test\\.ts$', '/cdk-nag\\.test\\.ts$', '/cloudformation-validation\\.test\\.ts$', '/template-export\\.test\\.ts$', '/deployment-cli\\.test\\.ts$'];
const fastLoop = process.env.FAST_LOOP === '1';

const floorProject = {
  ...common,
  displayName: `aws-cdk-lib ${floor} (floor)`,
  testPathIgnorePatterns: ['/node_modules/', ...(fastLoop ? WHOLE_LIBRARY_SUITES : [])],
};

module.exports = {
  // Measured when run with --coverage (npm test does); the run fails below these.
  collectCoverageFrom: ['<rootDir>/src/**/*.ts', '!<rootDir>/src/index.ts'],
  coverageReporters: ['text-summary', 'lcov'],
  coverageThreshold: { global: { statements: 95, branches: 95, functions: 95, lines: 95 } },
  projects: fastLoop ? [floorProject] : [
    floorProject,
    {
      ...common,
      displayName: `aws-cdk-lib ${latest} (latest)`,
      // The property test draws 1000 cases; once per run is enough.
      testPathIgnorePatterns: ['/node_modules/', '/property\\.test\\.ts$'],
      moduleNameMapper: {
        '^aws-cdk-lib$': 'aws-cdk-lib-latest',
        '^aws-cdk-lib/(.*)$': 'aws-cdk-lib-latest/$1',
      },
    },
  ],
};
