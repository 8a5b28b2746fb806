// Managed deployment: a stage without autoDeploy serves a route that was added after its first deployment.
//
// Two test cases, run in order, deploy two versions of one CloudFormation stack (the same stack name): the first
// has route `first`, the second adds route `added`. The first is not destroyed, so the second deploy is a stack
// update; its assertion passes only if the update published the new route to the stage, which is what the
// managed deployment's changing logical id is for.
import { join } from 'path';
import { IntegTestCase } from '@aws-cdk/integ-tests-alpha';
import { attachCustomSynthesis, Stack } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { IntegManifest, Manifest } from 'aws-cdk-lib/cloud-assembly-schema';
import { WebSocketStage } from 'cdk-websocket-stage';
import { Construct } from 'constructs';
import { addBackendRoute, assertRoundTrip, connectBackend, newBackend, newClient, newIntegApp } from './fixtures';

const STACK_NAME = 'cdk-websocket-stage-integ-managed-deployment';

const app = newIntegApp();

/**
 * The app's stack with these routes, as a test case asserting that the newest route answers. The versions'
 * assertion stacks share a name too, so that the second replaces the first's assertions.
 */
function version(id: string, routeKeys: string[], lastVersion: boolean): IntegTestCase {
  const stack = new Stack(app, id, { stackName: STACK_NAME });
  const api = new apigwv2.WebSocketApi(stack, 'Api');
  const backend = newBackend(stack, 'Backend');
  routeKeys.forEach((routeKey) => addBackendRoute(api, routeKey, backend));
  const stage = new WebSocketStage(stack, 'Stage', { webSocketApi: api, stageName: 'managed', managedDeployment: true });
  connectBackend(backend, stage);

  const testCase = new IntegTestCase(app, `${id}Test`, {
    stacks: [stack],
    assertionStack: new Stack(app, `${id}Assertions`, { stackName: `${STACK_NAME}-assertions` }),
    // Each version is deployed as it is: deploying the committed snapshot first would not change what is proven.
    stackUpdateWorkflow: false,
    // The first version stays up for the second to update; the second is cleaned up as usual.
    cdkCommandOptions: lastVersion ? undefined : { destroy: { enabled: false } },
  });
  const newest = routeKeys[routeKeys.length - 1];
  const integ = { assertions: testCase.assertions };
  assertRoundTrip(integ, newClient(stack, 'Client', stage), newest, `sent on ${newest}`);
  return testCase;
}

/**
 * Writes the test manifest (integ.json) with these test cases, in this order. IntegTest writes one test case per
 * app, or its default test case before the others, so this does the same with the public IntegTestCase.
 */
function writeTestManifest(scope: Construct, testCases: IntegTestCase[]): void {
  attachCustomSynthesis(scope, {
    onSynthesize: (session) => {
      const manifest: IntegManifest = {
        version: Manifest.version(),
        testCases: Object.assign({}, ...testCases.map((testCase) => testCase.manifest.testCases)),
      };
      Manifest.saveIntegManifest(manifest, join(session.assembly.outdir, 'integ.json'));
    },
  });
}

writeTestManifest(new Construct(app, 'IntegTests'), [
  version('FirstDeployment', ['first'], false),
  version('RouteAdded', ['first', 'added'], true),
]);
