import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as iam from 'aws-cdk-lib/aws-iam';
import { CfnResource, RemovalPolicy, Stack } from 'aws-cdk-lib/core';
import { Construct, IConstruct } from 'constructs';

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

/** The CloudFormation type of API Gateway's account settings, which hold the CloudWatch Logs role. */
const ACCOUNT_TYPE = 'AWS::ApiGateway::Account';

/** Every `AWS::ApiGateway::Account` of the deployment: an L1, or the one a RestApi with `cloudWatchRole` makes. */
function accountsInDeployment(scope: Construct): CfnResource[] {
  return deploymentStack(scope).node.findAll()
    .filter((node): node is CfnResource => CfnResource.isCfnResource(node) && node.cfnResourceType === ACCOUNT_TYPE);
}

/**
 * The `AWS::ApiGateway::Account` already in this deployment (its stack, or the top-level stack of its nested
 * stack), if any: the one a stage with `cloudWatchRole` created, or another, such as a RestApi's.
 */
export function existingCloudWatchRoleAccount(scope: Construct): CfnResource | undefined {
  // The stages' own first: finding it is cheap, and once it is there, it is the one.
  const ours = deploymentStack(scope).node.tryFindChild(CLOUDWATCH_ROLE_ID)?.node.findChild('Account') as CfnResource | undefined;
  return ours ?? accountsInDeployment(scope)[0];
}

/**
 * The account-level CloudWatch Logs role of API Gateway in this deployment: an IAM role trusted by API Gateway with
 * the `AmazonAPIGatewayPushToCloudWatchLogs` managed policy, and the `AWS::ApiGateway::Account` that uses it.
 * Created once per top-level stack, however many stages ask for it, in it or in its nested stacks.
 *
 * Both are retained on deletion: the setting is shared by every API of the account in the region, and removing
 * the role would stop their logs.
 */
export function cloudWatchRoleAccount(scope: Construct): CfnResource {
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
  // An Account made after this one, such as a RestApi's, would fight it over the one setting of the account.
  account.node.addValidation({ validate: () => secondAccounts(account, scope) });
  return account;
}

/**
 * The error when the deployment holds another `AWS::ApiGateway::Account` than the stages' own: both would set the
 * account's one CloudWatch Logs role, and the last deployed would win. One made before the stages is used by them
 * instead; only one made after them gets here.
 */
function secondAccounts(account: apigateway.CfnAccount, firstStage: IConstruct): string[] {
  const other = accountsInDeployment(account).find((node) => node !== account);
  return other === undefined ? [] : [`cloudWatchRole: true on stage '${firstStage.node.path}' made this AWS::ApiGateway::Account, `
    + `and the deployment has another, '${other.node.path}', made after it: both would set the account's one CloudWatch Logs `
    + 'role, and the last deployed would win. Create the other before the stage, which then uses it, or leave cloudWatchRole '
    + "out of every stage: a stage that logs waits for the deployment's Account either way"];
}
