import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { Stack } from 'aws-cdk-lib/core';

/**
 * The stage's URL on API Gateway's own endpoint: `{scheme}://{apiId}.execute-api.{region}.{urlSuffix}/{stage}`.
 *
 * It needs only the API id, the region and the stage name, so imported stages have it too. Region and
 * URL suffix come from the stage's stack, as in aws-cdk-lib.
 *
 * @param scheme `wss` for clients, `https` for the @connections management API
 */
export function executeApiUrl(stage: apigwv2.IWebSocketStage, scheme: 'wss' | 'https'): string {
  const stack = Stack.of(stage);
  return `${scheme}://${stage.api.apiId}.execute-api.${stack.region}.${stack.urlSuffix}/${stage.stageName}`;
}
