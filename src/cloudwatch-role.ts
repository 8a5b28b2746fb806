import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as iam from 'aws-cdk-lib/aws-iam';
import { RemovalPolicy, Stack } from 'aws-cdk-lib/core';
import { Construct } from 'constructs';

/** The construct id, under the stack, of the one account setting every stage of the stack shares. */
export const CLOUDWATCH_ROLE_ID = 'WebSocketStageCloudWatchRole';

/** The AWS managed policy API Gateway documents for its CloudWatch Logs role. */
const PUSH_TO_CLOUDWATCH_LOGS = 'service-role/AmazonAPIGatewayPushToCloudWatchLogs';

/**
 * The stack that holds the account setting for the scope: the scope's stack, or for a nested stack the top-level
 * stack it is deployed with, so that a parent and its nested stacks share one setting.
 */
function deploymentStack(scope: Construct): Stack {
  let stack = Stack.of(scope);
  while (stack.nestedStackParent) {
    stack = stack.nestedStackParent;
  }
  return stack;
}

/**
 * The account setting a stage of this deployment (its stack, or the top-level stack of its nested stack) has
 * already created, if any.
 */
export function existingCloudWatchRoleAccount(scope: Construct): apigateway.CfnAccount | undefined {
  return deploymentStack(scope).node.tryFindChild(CLOUDWATCH_ROLE_ID)?.node.findChild('Account') as apigateway.CfnAccount | undefined;
}

/**
 * The account-level CloudWatch Logs role of API Gateway in this deployment: an IAM role trusted by API Gateway with
 * the `AmazonAPIGatewayPushToCloudWatchLogs` managed policy, and the `AWS::ApiGateway::Account` that uses it.
 * Created once per top-level stack, however many stages ask for it, in it or in its nested stacks.
 *
 * Both are retained on deletion: the setting is shared by every API of the account in the region, and removing
 * the role would stop their logs.
 */
export function cloudWatchRoleAccount(scope: Construct): apigateway.CfnAccount {
  const existing = existingCloudWatchRoleAccount(scope);
  if (existing) {
    return existing;
  }
  const holder = new Construct(deploymentStack(scope), CLOUDWATCH_ROLE_ID);
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
