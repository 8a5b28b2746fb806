import { Stack } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as iam from 'aws-cdk-lib/aws-iam';

/** The IAM action that guards the @connections management API. */
const MANAGE_CONNECTIONS = 'execute-api:ManageConnections';

/**
 * The `execute-api` ARN of the stage: `arn:{partition}:execute-api:{region}:{account}:{apiId}/{stage}`,
 * with partition, region and account from the API's stack.
 */
export function stageExecuteApiArn(api: apigwv2.IWebSocketApi, stageName: string): string {
  const apiArn = Stack.of(api).formatArn({ service: 'execute-api', resource: api.apiId });
  return `${apiArn}/${stageName}`;
}

/**
 * Grants `execute-api:ManageConnections` on every @connections method (POST, GET, DELETE) of the stage,
 * in the grantee's own policy.
 */
export function grantManageConnections(api: apigwv2.IWebSocketApi, stageName: string, grantee: iam.IGrantable): iam.Grant {
  return iam.Grant.addToPrincipal({
    grantee,
    actions: [MANAGE_CONNECTIONS],
    resourceArns: [`${stageExecuteApiArn(api, stageName)}/*/@connections/*`],
  });
}
