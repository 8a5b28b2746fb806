import { existsSync, readFileSync } from 'fs';
import { join } from 'path';

// `.jsiirc.json` is the documented view of the per-language coordinates. jsii reads the root module's
// targets from package.json only, so this test is what keeps the three in step.

const root = join(__dirname, '..');
const readJson = (file: string) => JSON.parse(readFileSync(join(root, file), 'utf8'));

const jsiirc = readJson('.jsiirc.json');

test('.jsiirc.json targets equal package.json jsii.targets', () => {
  expect(jsiirc.targets).toEqual(readJson('package.json').jsii.targets);
});

test('.jsiirc.json targets equal the built assembly targets', () => {
  if (!existsSync(join(root, '.jsii'))) {
    throw new Error('no .jsii assembly: run `npm run build` (or `npm test`) first');
  }
  const { js, ...targets } = readJson('.jsii').targets;
  expect(js).toEqual({ npm: 'cdk-websocket-stage' });
  expect(targets).toEqual(jsiirc.targets);
});

test('.jsiirc.json uses the coordinates other work relies on', () => {
  expect(jsiirc.targets).toEqual({
    python: { distName: 'cdk-websocket-stage', module: 'cdk_websocket_stage', classifiers: ['Framework :: AWS CDK', 'Framework :: AWS CDK :: 2'] },
    // groupId: the Maven Central namespace the GitHub organization cdk-websocket-stage verifies; package: the same
    // name as a Java package (a hyphen is not allowed there: JLS 6.1 makes it an underscore).
    java: { package: 'io.github.cdk_websocket_stage', maven: { groupId: 'io.github.cdk-websocket-stage', artifactId: 'cdk-websocket-stage' } },
    dotnet: { namespace: 'CdkWebSocketStage', packageId: 'CdkWebSocketStage' },
    go: { moduleName: 'github.com/cdk-websocket-stage/cdk-websocket-stage-go', packageName: 'cdkwebsocketstage' },
  });
});
