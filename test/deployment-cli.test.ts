import { execFileSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';

// The managed deployment's logical id as an app sees it: the app of test/cdk-app, built with lib/ (as an app
// would), under the real CDK CLI and under Template.fromStack. A whole-library suite: it needs the built library,
// so it is left out of the quick loop (and of mutation testing, which does not mutate lib/).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { build: buildManagedDeploymentApp } = require('./cdk-app/managed-deployment.js') as { build(app: App): Stack };

/** The logical id of the one managed deployment in `stack`. */
function deploymentId(stack: Stack): string {
  const ids = Object.keys(Template.fromStack(stack).findResources('AWS::ApiGatewayV2::Deployment'));
  expect(ids).toHaveLength(1);
  return ids[0];
}

// The real CDK CLI runs the app of test/cdk-app with the built library and the aws-cdk-lib floor, so it runs once,
// in the floor's jest project.
const readJson = (packageJson: string) => JSON.parse(readFileSync(packageJson, 'utf8'));
const onFloor = readJson(require.resolve('aws-cdk-lib/package.json')).version
  === readJson(join(__dirname, '..', 'package.json')).devDependencies['aws-cdk-lib'];

(onFloor ? describe : describe.skip)('under cdk synth, with the real CDK CLI', () => {
  const APP = join(__dirname, 'cdk-app', 'managed-deployment.js');
  const CDK = join(__dirname, '..', 'node_modules', '.bin', 'cdk');

  /** The deployment's logical id in the template `cdk synth` writes, with the extra CLI options. */
  function synthesizedDeploymentId(...options: string[]): string {
    const out = mkdtempSync(join(tmpdir(), 'cdk-synth-'));
    try {
      execFileSync(CDK, ['synth', '--app', `node ${APP}`, '--output', out, '--no-notices', '--quiet', ...options],
        { cwd: out, stdio: 'pipe', env: { ...process.env, CDK_DISABLE_VERSION_CHECK: '1' } });
      const template = JSON.parse(readFileSync(join(out, 'ManagedDeployment.template.json'), 'utf8'));
      const ids = Object.keys(template.Resources).filter((id) => template.Resources[id].Type === 'AWS::ApiGatewayV2::Deployment');
      expect(ids).toHaveLength(1);
      return ids[0];
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }

  test('the id is the same with path metadata, without it, and under Template.fromStack', () => {
    const fromStack = deploymentId(buildManagedDeploymentApp(new App()));
    const withPaths = synthesizedDeploymentId();
    const withoutPaths = synthesizedDeploymentId('--no-path-metadata');

    expect(withPaths).toMatch(/^StageDeployment[0-9A-F]{16}$/);
    expect(withoutPaths).toBe(withPaths);
    expect(fromStack).toBe(withPaths);
  }, 120_000);
});
