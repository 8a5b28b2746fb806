import { App, CfnParameter, Environment, Stack } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';

/** A stack with a WebSocket API, the starting point of most tests. */
export interface ApiFixture {
  readonly app: App;
  readonly stack: Stack;
  readonly api: apigwv2.WebSocketApi;
}

/** Builds a fresh app, a stack `S` (environment-agnostic unless `env` is given) and a WebSocket API `Api`. */
export function apiFixture(env?: Environment): ApiFixture {
  const app = new App();
  const stack = new Stack(app, 'S', { env });
  const api = new apigwv2.WebSocketApi(stack, 'Api');
  return { app, stack, api };
}

/** A value that is only known at deploy time: a CloudFormation parameter. */
export function deployTimeString(stack: Stack, id: string): string {
  return new CfnParameter(stack, id).valueAsString;
}

/** A number that is only known at deploy time. */
export function deployTimeNumber(stack: Stack, id: string): number {
  return new CfnParameter(stack, id, { type: 'Number' }).valueAsNumber;
}
