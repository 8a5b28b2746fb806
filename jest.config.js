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
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: { isolatedModules: true } }] },
};

module.exports = {
  projects: [
    { ...common, displayName: `aws-cdk-lib ${floor} (floor)` },
    {
      ...common,
      displayName: `aws-cdk-lib ${latest} (latest)`,
      moduleNameMapper: {
        '^aws-cdk-lib$': 'aws-cdk-lib-latest',
        '^aws-cdk-lib/(.*)$': 'aws-cdk-lib-latest/$1',
      },
    },
  ],
};
