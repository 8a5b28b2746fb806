// Round trip: a client connects to stage.url, sends a message, and receives the reply that the backend posted
// through stage.callbackUrl with the permission grantPostToConnection gave it. Proves url, callbackUrl, the
// grant and autoDeploy on a deployed stage.
import { IntegTest } from '@aws-cdk/integ-tests-alpha';
import { Stack } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { WebSocketStage } from 'cdk-websocket-stage';
import { addBackendRoute, assertRoundTrip, connectBackend, newBackend, newClient, newIntegApp } from './fixtures';

const app = newIntegApp();
const stack = new Stack(app, 'RoundTrip', { stackName: 'cdk-websocket-stage-integ-round-trip' });

const api = new apigwv2.WebSocketApi(stack, 'Api');
const backend = newBackend(stack, 'Backend');
addBackendRoute(api, '$default', backend);
const stage = new WebSocketStage(stack, 'Stage', { webSocketApi: api, stageName: 'live', autoDeploy: true });
connectBackend(backend, stage);

const integ = new IntegTest(app, 'RoundTripTest', { testCases: [stack] });
assertRoundTrip(integ, newClient(stack, 'Client', stage), '$default', 'hello');
