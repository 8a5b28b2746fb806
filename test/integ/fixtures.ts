// What the integ apps share: a Lambda backend that answers each message through the stage's callback URL, and a
// Lambda WebSocket client that the assertions invoke. Both are inline Node.js 22 code: the runtime has a global
// WebSocket and the AWS SDK v3, so nothing is bundled and the snapshots hold no code assets of ours.
import { ExpectedResult, IApiCall, IDeployAssert } from '@aws-cdk/integ-tests-alpha';
import { App, Duration, Stack } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { WebSocketLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { WebSocketStage } from 'cdk-websocket-stage';
import { Construct } from 'constructs';

const RUNTIME = lambda.Runtime.NODEJS_22_X;

/** An app whose snapshots hold no stack traces, which would name this machine's paths and every moved line. */
export function newIntegApp(): App {
  return new App({ stackTraces: false, context: { 'aws:cdk:disable-creation-stack-traces': true } });
}

/**
 * A backend that replies to every message with `{routeKey} received {text}`, posted to the connection through
 * `CALLBACK_URL` (the stage's `callbackUrl`, set by `connectBackend`). The reply is plain text, not JSON, so that
 * the assertions compare it as one string.
 */
export function newBackend(scope: Construct, id: string): lambda.Function {
  return new lambda.Function(scope, id, {
    runtime: RUNTIME,
    handler: 'index.handler',
    timeout: Duration.seconds(10),
    code: lambda.Code.fromInline(`
const { ApiGatewayManagementApiClient, PostToConnectionCommand } = require('@aws-sdk/client-apigatewaymanagementapi');
const callbacks = new ApiGatewayManagementApiClient({ endpoint: process.env.CALLBACK_URL });
exports.handler = async (event) => {
  const { eventType, connectionId, routeKey } = event.requestContext;
  if (eventType === 'MESSAGE') {
    const { text } = JSON.parse(event.body || '{}');
    await callbacks.send(new PostToConnectionCommand({ ConnectionId: connectionId, Data: routeKey + ' received ' + text }));
  }
  return { statusCode: 200 };
};
`),
  });
}

/** Points the backend at the stage's callback URL and grants it `POST @connections` (`grantPostToConnection`), as users do. */
export function connectBackend(backend: lambda.Function, stage: WebSocketStage): void {
  backend.addEnvironment('CALLBACK_URL', stage.callbackUrl);
  stage.grantPostToConnection(backend);
}

/** A route of `api` served by `backend`. */
export function addBackendRoute(api: apigwv2.WebSocketApi, routeKey: string, backend: lambda.Function): void {
  api.addRoute(routeKey, { integration: new WebSocketLambdaIntegration(`${routeKey.replace('$', '')}Integration`, backend) });
}

/**
 * A WebSocket client for the assertions: connects to `URL` (the stage's `url`), sends the invocation's event as
 * the message, and returns `{ reply }`, the first message it receives; it fails after 20 seconds without one.
 */
export function newClient(scope: Construct, id: string, stage: WebSocketStage): lambda.Function {
  return new lambda.Function(scope, id, {
    runtime: RUNTIME,
    handler: 'index.handler',
    timeout: Duration.seconds(30),
    environment: { URL: stage.url },
    code: lambda.Code.fromInline(`
exports.handler = (event) => new Promise((resolve, reject) => {
  const socket = new WebSocket(process.env.URL);
  const fail = (message) => { clearTimeout(timer); socket.close(); reject(new Error(message)); };
  const timer = setTimeout(() => fail('no reply within 20 seconds from ' + process.env.URL), 20000);
  socket.addEventListener('open', () => socket.send(JSON.stringify(event)));
  socket.addEventListener('message', (message) => { clearTimeout(timer); socket.close(); resolve({ reply: String(message.data) }); });
  socket.addEventListener('error', () => fail('WebSocket error on ' + process.env.URL));
});
`),
  });
}

/**
 * Asserts that a message sent through the stage by `client` on `routeKey` gets the backend's reply, retrying
 * while the new API or stage is not yet reachable.
 */
export function assertRoundTrip(integ: { readonly assertions: IDeployAssert }, client: lambda.Function, routeKey: string, text: string): IApiCall {
  const message = routeKey === '$default' ? { text } : { action: routeKey, text };
  return integ.assertions.invokeFunction({ functionName: client.functionName, payload: JSON.stringify(message) })
    .assertAtPath('Payload.reply', ExpectedResult.exact(`${routeKey} received ${text}`))
    .waitForAssertions({ totalTimeout: Duration.minutes(3), interval: Duration.seconds(10) });
}

/** The ARN that IAM knows a deployed stage by (`apigateway:GET` reads it). */
export function stageResourceArn(stage: WebSocketStage): string {
  const stack = Stack.of(stage);
  return `arn:${stack.partition}:apigateway:${stack.region}::/apis/${stage.api.apiId}/stages/${stage.stageName}`;
}
