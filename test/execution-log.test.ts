import { CfnParameter, RemovalPolicy } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as logs from 'aws-cdk-lib/aws-logs';
import { LoggingLevel } from '../src';
import { EXECUTION_LOG_GROUP_ID } from '../src/execution-log';
import { deployTimeBoolean, newApi, newStage } from './fixtures';

const WARNING = 'executionLogRetention is set but neither the stage nor any route writes execution logs';

test('creates the group API Gateway writes the execution logs to, with the retention', () => {
  const api = newApi();
  newStage(api, { stageName: 'prod', loggingLevel: LoggingLevel.ERROR, executionLogRetention: logs.RetentionDays.ONE_MONTH });

  Template.fromStack(api.stack).hasResourceProperties('AWS::Logs::LogGroup', {
    LogGroupName: { 'Fn::Join': ['', ['/aws/apigateway/', api.stack.resolve(api.apiId), '/prod']] },
    RetentionInDays: 30,
  });
});

test('the stage waits for the group, so API Gateway never creates it first', () => {
  const api = newApi();
  const stage = newStage(api, { loggingLevel: LoggingLevel.ERROR, executionLogRetention: logs.RetentionDays.ONE_WEEK });
  const groupLogicalId = api.stack.getLogicalId(stage.node.findChild(EXECUTION_LOG_GROUP_ID).node.defaultChild as logs.CfnLogGroup);

  Template.fromStack(api.stack).hasResource('AWS::ApiGatewayV2::Stage', { DependsOn: Match.arrayWith([groupLogicalId]) });
});

test('the group is retained when the stage or the stack is deleted, and deleted when its creation rolls back', () => {
  const api = newApi();
  newStage(api, { loggingLevel: LoggingLevel.ERROR, executionLogRetention: logs.RetentionDays.ONE_WEEK });

  Template.fromStack(api.stack).hasResource('AWS::Logs::LogGroup', { DeletionPolicy: 'RetainExceptOnCreate', UpdateReplacePolicy: 'Retain' });
});

test('the removal policy can be changed through executionLogGroup', () => {
  const api = newApi();
  const stage = newStage(api, { loggingLevel: LoggingLevel.ERROR, executionLogRetention: logs.RetentionDays.ONE_WEEK });
  stage.executionLogGroup!.applyRemovalPolicy(RemovalPolicy.DESTROY);

  Template.fromStack(api.stack).hasResource('AWS::Logs::LogGroup', { DeletionPolicy: 'Delete' });
});

test('executionLogGroup is the group, for metric filters and subscriptions', () => {
  const api = newApi();
  const stage = newStage(api, { loggingLevel: LoggingLevel.ERROR, executionLogRetention: logs.RetentionDays.ONE_WEEK });
  stage.executionLogGroup!.addMetricFilter('Errors', { filterPattern: logs.FilterPattern.anyTerm('ERROR'), metricName: 'E', metricNamespace: 'N' });
  const groupLogicalId = api.stack.getLogicalId(stage.node.findChild(EXECUTION_LOG_GROUP_ID).node.defaultChild as logs.CfnLogGroup);

  Template.fromStack(api.stack).hasResourceProperties('AWS::Logs::MetricFilter', { LogGroupName: { Ref: groupLogicalId } });
});

test('INFINITE creates the group without a retention', () => {
  const api = newApi();
  newStage(api, { loggingLevel: LoggingLevel.ERROR, executionLogRetention: logs.RetentionDays.INFINITE });

  Template.fromStack(api.stack).hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: Match.absent() });
});

test('without executionLogRetention, no group is created and executionLogGroup is undefined', () => {
  const api = newApi();
  const stage = newStage(api, { loggingLevel: LoggingLevel.ERROR });

  Template.fromStack(api.stack).resourceCountIs('AWS::Logs::LogGroup', 0);
  expect(stage.executionLogGroup).toBeUndefined();
  expect(stage.node.tryFindChild(EXECUTION_LOG_GROUP_ID)).toBeUndefined();
});

test('the group of a stage whose name is a token is named from the token', () => {
  const api = newApi();
  const stageName = new CfnParameter(api.stack, 'StageName').valueAsString;
  newStage(api, { stageName, loggingLevel: LoggingLevel.ERROR, executionLogRetention: logs.RetentionDays.ONE_DAY });

  Template.fromStack(api.stack).hasResourceProperties('AWS::Logs::LogGroup', {
    LogGroupName: { 'Fn::Join': ['', ['/aws/apigateway/', api.stack.resolve(api.apiId), '/', api.stack.resolve(stageName)]] },
  });
});

describe('the warning when no execution logs are written', () => {
  const warnings = (props: Parameters<typeof newStage>[1]) => {
    const api = newApi();
    newStage(api, { executionLogRetention: logs.RetentionDays.ONE_WEEK, ...props });
    return Annotations.fromStack(api.stack).findWarning('/S/Stage', Match.stringLikeRegexp(WARNING));
  };

  test('is added when nothing turns execution logging on', () => {
    expect(warnings({})).toHaveLength(1);
  });

  test('is added when the logging level is OFF', () => {
    expect(warnings({ loggingLevel: LoggingLevel.OFF })).toHaveLength(1);
  });

  test('names the warning id the user can acknowledge', () => {
    const api = newApi();
    newStage(api, { executionLogRetention: logs.RetentionDays.ONE_WEEK });

    Annotations.fromStack(api.stack).hasWarning('/S/Stage', Match.stringLikeRegexp('cdk-websocket-stage:executionLogRetentionWithoutLogging'));
  });

  test.each([
    ['the stage logs errors', { loggingLevel: LoggingLevel.ERROR }],
    ['the stage logs info', { loggingLevel: LoggingLevel.INFO }],
    ['a route logs', { routeSettings: { $connect: { loggingLevel: LoggingLevel.INFO } } }],
  ])('is not added when %s', (_name, props) => {
    expect(warnings(props)).toHaveLength(0);
  });

  test('is not added when data trace is decided at deploy time, since it may turn execution logging on', () => {
    const api = newApi();
    newStage(api, { executionLogRetention: logs.RetentionDays.ONE_WEEK, dataTraceEnabled: deployTimeBoolean(api.stack) });

    expect(Annotations.fromStack(api.stack).findWarning('/S/Stage', Match.stringLikeRegexp(WARNING))).toHaveLength(0);
  });

  test('is not added without executionLogRetention', () => {
    const api = newApi();
    newStage(api);

    expect(Annotations.fromStack(api.stack).findWarning('/S/Stage', Match.stringLikeRegexp(WARNING))).toHaveLength(0);
  });
});

describe('fails when executionLogRetention', () => {
  test('is not one of the RetentionDays values', () => {
    const api = newApi();

    expect(() => newStage(api, { executionLogRetention: 8 as logs.RetentionDays }))
      .toThrow(/^S\/Stage: executionLogRetention must be one of the logs.RetentionDays values \(got '8'\)$/);
  });

  test('is not a number', () => {
    const api = newApi();

    expect(() => newStage(api, { executionLogRetention: 'ONE_WEEK' as unknown as logs.RetentionDays }))
      .toThrow(/executionLogRetention must be a number \(got 'ONE_WEEK'\)/);
  });

  test('is null', () => {
    const api = newApi();

    expect(() => newStage(api, { executionLogRetention: null as unknown as logs.RetentionDays }))
      .toThrow(/executionLogRetention must be left out, not null/);
  });
});
