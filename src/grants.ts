import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Stack } from 'aws-cdk-lib/core';
import { checkType, invalidInput, withConstructPath } from './validation';

/** The IAM action that guards the @connections management API. */
const MANAGE_CONNECTIONS = 'execute-api:ManageConnections';

/** The IAM action that guards calls to routes, `$connect` included, for IAM-authorized clients. */
const INVOKE = 'execute-api:Invoke';

/**
 * The `execute-api` ARN of the stage: `arn:{partition}:execute-api:{region}:{account}:{apiId}/{stage}`,
 * with partition, region and account from the API's stack.
 */
function stageExecuteApiArn(stage: apigwv2.IWebSocketStage): string {
  const apiArn = Stack.of(stage.api).formatArn({ service: 'execute-api', resource: stage.api.apiId });
  return `${apiArn}/${stage.stageName}`;
}

/** Throws, with the stage's path, when a JavaScript caller passes something that cannot be granted to. */
function checkGrantee(stage: apigwv2.IWebSocketStage, member: string, grantee: iam.IGrantable): void {
  try {
    checkType(`${member} identity`, grantee, 'object');
    if (typeof grantee?.grantPrincipal !== 'object') {
      throw invalidInput(`${member} identity`, 'must be given, as an iam.IGrantable such as a Lambda function or a role', grantee);
    }
  } catch (error) {
    throw withConstructPath(stage, error);
  }
}

/**
 * Grants `execute-api:ManageConnections` on @connections methods of the stage, in the grantee's own policy.
 *
 * @param method `*` for POST, GET and DELETE, or one of them
 */
export function grantManageConnections(stage: apigwv2.IWebSocketStage, member: string, grantee: iam.IGrantable,
  method: '*' | 'POST' | 'GET' | 'DELETE'): iam.Grant {
  checkGrantee(stage, member, grantee);
  return iam.Grant.addToPrincipal({
    grantee,
    actions: [MANAGE_CONNECTIONS],
    resourceArns: [`${stageExecuteApiArn(stage)}/${method}/@connections/*`],
  });
}

/**
 * Grants `execute-api:Invoke` on the stage's `$connect` route, which is what an IAM-authorized client needs
 * to open a connection.
 */
export function grantInvokeConnect(stage: apigwv2.IWebSocketStage, grantee: iam.IGrantable): iam.Grant {
  checkGrantee(stage, 'grantConnect', grantee);
  return iam.Grant.addToPrincipal({
    grantee,
    actions: [INVOKE],
    resourceArns: [`${stageExecuteApiArn(stage)}/$connect`],
  });
}
