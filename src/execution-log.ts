import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as logs from 'aws-cdk-lib/aws-logs';
import { RemovalPolicy, Token } from 'aws-cdk-lib/core';
import { Construct } from 'constructs';
import { checkType, invalidInput } from './validation';

/** The construct id of the execution log group under the stage. Construct ids are public contract. */
export const EXECUTION_LOG_GROUP_ID = 'ExecutionLogs';

/**
 * The log group API Gateway writes a WebSocket stage's execution logs to. No AWS page states it: it is the name
 * deployed WebSocket stages are reported to use, and `test/integ/integ.operations.ts` checks it on a deployment.
 * (AWS documents `API-Gateway-Execution-Logs_{restApiId}/{stageName}` for REST APIs.)
 */
export function executionLogGroupName(apiId: string, stageName: string): string {
  return `/aws/apigateway/${apiId}/${stageName}`;
}

/**
 * Creates the stage's execution log group with the given retention, and makes the stage wait for it: were the
 * stage created first, API Gateway would create the group itself, with no retention, and CloudFormation would
 * then fail to create it ("already exists").
 *
 * The group is retained when the stage or the stack is deleted, as aws-cdk-lib's log groups are: the logs are
 * what an incident is investigated with, and they still expire with the retention. Deleting the group when the
 * prop is removed would also be undone silently: API Gateway recreates a missing group, with no retention, at its
 * next write. Only a rollback of the deployment that created the group deletes it, so that the next attempt does
 * not fail with "already exists".
 */
export function createExecutionLogGroup(
  stage: Construct,
  stageResource: apigwv2.CfnStage,
  apiId: string,
  stageName: string,
  retention: logs.RetentionDays,
): logs.LogGroup {
  checkType('executionLogRetention', retention, 'number');
  // From JavaScript any number gets through, and CloudWatch Logs takes only the periods RetentionDays lists.
  if (!Token.isUnresolved(retention) && !Object.values(logs.RetentionDays).includes(retention)) {
    throw invalidInput('executionLogRetention', 'must be one of the logs.RetentionDays values', retention);
  }
  const group = new logs.LogGroup(stage, EXECUTION_LOG_GROUP_ID, {
    logGroupName: executionLogGroupName(apiId, stageName),
    retention,
    removalPolicy: RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE,
  });
  stageResource.node.addDependency(group);
  return group;
}
