import { CfnElement, NestedStack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { LoggingLevel } from '../src';
import { CLOUDWATCH_ROLE_ID } from '../src/cloudwatch-role';
import { newApi, newStage } from './fixtures';

/** Execution logging, with the account setting made by the stage. */
const LOGGING_WITH_ROLE = { loggingLevel: LoggingLevel.ERROR, cloudWatchRole: true };

test('creates a role trusted by API Gateway with the push-to-CloudWatch managed policy, and the account setting using it', () => {
  const { stack } = newStage(newApi(), LOGGING_WITH_ROLE);
  const template = Template.fromStack(stack);

  template.hasResourceProperties('AWS::IAM::Role', {
    AssumeRolePolicyDocument: { Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'apigateway.amazonaws.com' } }] },
    ManagedPolicyArns: [{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs']] }],
  });
  const roles = template.findResources('AWS::IAM::Role');
  template.hasResourceProperties('AWS::ApiGateway::Account', { CloudWatchRoleArn: { 'Fn::GetAtt': [Object.keys(roles)[0], 'Arn'] } });
});

test('the role and the account setting are retained on deletion', () => {
  const { stack } = newStage(newApi(), LOGGING_WITH_ROLE);
  const template = Template.fromStack(stack);

  template.hasResource('AWS::IAM::Role', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
  template.hasResource('AWS::ApiGateway::Account', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
});

test('the stage waits for the account setting', () => {
  const { stack } = newStage(newApi(), LOGGING_WITH_ROLE);
  const accountId = Object.keys(Template.fromStack(stack).findResources('AWS::ApiGateway::Account'))[0];

  Template.fromStack(stack).hasResource('AWS::ApiGatewayV2::Stage', { DependsOn: [accountId] });
});

test('is created once per stack however many stages ask', () => {
  const api = newApi();
  const { stack } = api;
  newStage(api, { ...LOGGING_WITH_ROLE, stageName: 'one' }, 'One');
  newStage(api, { ...LOGGING_WITH_ROLE, stageName: 'two' }, 'Two');
  const template = Template.fromStack(stack);

  template.resourceCountIs('AWS::ApiGateway::Account', 1);
  template.resourceCountIs('AWS::IAM::Role', 1);
  expect(stack.node.tryFindChild(CLOUDWATCH_ROLE_ID)).toBeDefined();
  const accountId = Object.keys(template.findResources('AWS::ApiGateway::Account'))[0];
  for (const stage of Object.values(template.findResources('AWS::ApiGatewayV2::Stage'))) {
    expect(stage.DependsOn).toEqual([accountId]);
  }
});

test('is not created by default', () => {
  const { stack } = newStage(newApi(), { loggingLevel: LoggingLevel.ERROR });

  Template.fromStack(stack).resourceCountIs('AWS::ApiGateway::Account', 0);
});

test('no warning about the account setting when the role is created', () => {
  const { stack } = newStage(newApi(), LOGGING_WITH_ROLE);

  Annotations.fromStack(stack).hasNoWarning('*', Match.stringLikeRegexp('cloudWatchRole'));
});

describe('in a parent stack and its nested stacks', () => {
  /** A parent stack `S` with an API and a nested stack `Nested` with another. */
  function parentAndNested() {
    const parentApi = newApi();
    const nested = new NestedStack(parentApi.stack, 'Nested');
    const nestedApi = newApi(nested);
    return { parent: parentApi.stack, parentApi, nested, nestedApi };
  }

  test('is created once, in the parent, when both ask', () => {
    const { parent, parentApi, nested, nestedApi } = parentAndNested();
    newStage(parentApi, LOGGING_WITH_ROLE);
    newStage(nestedApi, LOGGING_WITH_ROLE);

    Template.fromStack(parent).resourceCountIs('AWS::ApiGateway::Account', 1);
    Template.fromStack(nested).resourceCountIs('AWS::ApiGateway::Account', 0);
  });

  test('is created in the parent when only a nested stage asks, and the nested stack waits for it', () => {
    const { parent, nested, nestedApi } = parentAndNested();
    newStage(nestedApi, LOGGING_WITH_ROLE);
    const parentTemplate = Template.fromStack(parent);

    parentTemplate.resourceCountIs('AWS::ApiGateway::Account', 1);
    Template.fromStack(nested).resourceCountIs('AWS::ApiGateway::Account', 0);
    const accountId = Object.keys(parentTemplate.findResources('AWS::ApiGateway::Account'))[0];
    parentTemplate.hasResource('AWS::CloudFormation::Stack', { DependsOn: Match.arrayWith([accountId]) });
  });
});

describe('a logging stage without cloudWatchRole', () => {
  test('waits for the account setting another stage of its stack made, and does not warn', () => {
    const api = newApi();
    newStage(api, { ...LOGGING_WITH_ROLE, stageName: 'one' }, 'One');
    const logging = newStage(api, { loggingLevel: LoggingLevel.ERROR, stageName: 'two' }, 'Two');
    const template = Template.fromStack(api.stack);
    const accountId = Object.keys(template.findResources('AWS::ApiGateway::Account'))[0];

    expect(template.toJSON().Resources[api.stack.getLogicalId(logging.node.defaultChild as CfnElement)].DependsOn).toEqual([accountId]);
    Annotations.fromStack(api.stack).hasNoWarning('*', Match.stringLikeRegexp('cloudWatchRole'));
  });

  test('warns when no stage of its stack made the account setting', () => {
    const { stack } = newStage(newApi(), { loggingLevel: LoggingLevel.ERROR });

    Annotations.fromStack(stack).hasWarning('/S/Stage', Match.stringLikeRegexp('cloudWatchRole is not set'));
  });
});
