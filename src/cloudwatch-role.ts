import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as iam from 'aws-cdk-lib/aws-iam';
import { RemovalPolicy, Stack } from 'aws-cdk-lib/core';
import { Construct } from 'constructs';

/** The construct id, under the stack, of the one account setting every stage of the stack shares. */
export const CLOUDWATCH_ROLE_ID = 'WebSocketStageCloudWatchRole';

/** The AWS managed policy API Gateway documents for its CloudWatch Logs role. */
const PUSH_TO_CLOUDWATCH_LOGS = 'service-role/AmazonAPIGatewayPushToCloudWatchLogs';

/**
 * The account-level CloudWatch Logs role of API Gateway in this stack: an IAM role trusted by API Gateway with
 * the `AmazonAPIGatewayPushToCloudWatchLogs` managed policy, and the `AWS::ApiGateway::Account` that uses it.
 * Created once per stack, however many stages ask for it.
 *
 * Both are retained on deletion: the setting is shared by every API of the account in the region, and removing
 * the role would stop their logs.
 */
export function cloudWatchRoleAccount(scope: Construct): apigateway.CfnAccount {
  const stack = Stack.of(scope);
  const existing = stack.node.tryFindChild(CLOUDWATCH_ROLE_ID);
  if (existing) {
    return existing.node.findChild('Account') as apigateway.CfnAccount;
  }
  const holder = new Construct(stack, CLOUDWATCH_ROLE_ID);
  const role = new iam.Role(holder, 'Role', {
    assumedBy: new iam.ServicePrincipal('apigateway.amazonaws.com'),
    managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName(PUSH_TO_CLOUDWATCH_LOGS)],
  });
  role.applyRemovalPolicy(RemovalPolicy.RETAIN);
  // cdk-nag (AwsSolutions-IAM4) flags AWS managed policies; this is the one API Gateway documents for the role.
  // The suppression is metadata, read by cdk-nag where it is used, and names this policy only.
  (role.node.defaultChild as iam.CfnRole).addMetadata('cdk_nag', {
    rules_to_suppress: [{
      id: 'AwsSolutions-IAM4',
      reason: 'API Gateway documents the AmazonAPIGatewayPushToCloudWatchLogs managed policy for its account CloudWatch Logs role',
      applies_to: [`Policy::arn:<AWS::Partition>:iam::aws:policy/${PUSH_TO_CLOUDWATCH_LOGS}`],
    }],
  });
  const account = new apigateway.CfnAccount(holder, 'Account', { cloudWatchRoleArn: role.roleArn });
  account.applyRemovalPolicy(RemovalPolicy.RETAIN);
  return account;
}
