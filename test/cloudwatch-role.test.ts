import { App, CfnElement, NestedStack, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import { IConstruct } from 'constructs';
import { LoggingLevel, WebSocketStage } from '../src';
import { CLOUDWATCH_ROLE_ID } from '../src/cloudwatch-role';
import { newApi, newStack, newStage } from './fixtures';

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

describe('the cdk-nag suppression on the CloudWatch role', () => {
  // cdk-nag reads this metadata where it is used: without it, AwsSolutions-IAM4 fails every app with a logging stage.
  test('suppresses AwsSolutions-IAM4 for the push-to-CloudWatch managed policy only, with the reason', () => {
    const { stack } = newStage(newApi(), LOGGING_WITH_ROLE);
    const roles = Template.fromStack(stack).findResources('AWS::IAM::Role');

    expect(Object.values(roles).map((role) => role.Metadata.cdk_nag)).toEqual([{
      rules_to_suppress: [{
        id: 'AwsSolutions-IAM4',
        reason: 'API Gateway documents the AmazonAPIGatewayPushToCloudWatchLogs managed policy for its account CloudWatch Logs role',
        applies_to: ['Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs'],
      }],
    }]);
  });
});

describe('an AWS::ApiGateway::Account already in the deployment', () => {
  /** The logical ids the stage `S/Stage` waits for. */
  const stageDependsOn = (stage: WebSocketStage) =>
    Template.fromStack(stage.stack).toJSON().Resources[stage.stack.getLogicalId(stage.node.defaultChild as CfnElement)].DependsOn;
  const logicalId = (construct: IConstruct) => Stack.of(construct).getLogicalId(construct as CfnElement);

  test("a RestApi's, made with cloudWatchRole: the logging stage waits for it, without a warning", () => {
    const api = newApi();
    const rest = newRestApi(api.stack);
    const stage = newStage(api, { loggingLevel: LoggingLevel.ERROR });

    expect(stageDependsOn(stage)).toEqual([logicalId(rest.node.findChild('Account'))]);
    Annotations.fromStack(api.stack).hasNoWarning('*', Match.stringLikeRegexp('cloudWatchRole'));
  });

  test("a RestApi's, made before a stage with cloudWatchRole: the stage uses it instead of making a second", () => {
    const api = newApi();
    const rest = newRestApi(api.stack);
    const stage = newStage(api, LOGGING_WITH_ROLE);
    const template = Template.fromStack(api.stack);

    template.resourceCountIs('AWS::ApiGateway::Account', 1);
    expect(api.stack.node.tryFindChild(CLOUDWATCH_ROLE_ID)).toBeUndefined();
    expect(stageDependsOn(stage)).toEqual([logicalId(rest.node.findChild('Account'))]);
  });

  test('an L1 CfnAccount, in a nested stack of the deployment: the stages of the parent wait for it', () => {
    const api = newApi();
    const nested = new NestedStack(api.stack, 'Nested');
    new apigateway.CfnAccount(nested, 'Account', { cloudWatchRoleArn: 'arn:aws:iam::111111111111:role/apigw' });
    newStage(api, LOGGING_WITH_ROLE);
    const template = Template.fromStack(api.stack);

    template.resourceCountIs('AWS::ApiGateway::Account', 0);
    template.hasResource('AWS::ApiGatewayV2::Stage', { DependsOn: [logicalId(nested.nestedStackResource!)] });
    Annotations.fromStack(api.stack).hasNoWarning('*', Match.stringLikeRegexp('cloudWatchRole'));
  });

  test('one made after a stage with cloudWatchRole fails the synthesis, naming both and how to keep one', () => {
    const api = newApi();
    newStage(api, LOGGING_WITH_ROLE);
    newRestApi(api.stack);

    expect(() => Template.fromStack(api.stack)).toThrow("[S/WebSocketStageCloudWatchRole/Account] cloudWatchRole: true on stage "
      + "'S/Stage' made this AWS::ApiGateway::Account, and the deployment has another, 'S/Rest/Account', made after it: both "
      + "would set the account's one CloudWatch Logs role, and the last deployed would win. Create the other before the stage, "
      + "which then uses it, or leave cloudWatchRole out of every stage: a stage that logs waits for the deployment's Account either way");
  });

  test('one in another stack of the app is not this deployment\'s', () => {
    const api = newApi();
    newRestApi(newStack({ app: api.stack.node.root as App, id: 'Other' }));
    newStage(api, LOGGING_WITH_ROLE);

    Template.fromStack(api.stack).resourceCountIs('AWS::ApiGateway::Account', 1);
  });
});

/** A RestApi `Rest` with a method, and the account setting it makes with cloudWatchRole. */
function newRestApi(stack: Stack): apigateway.RestApi {
  const rest = new apigateway.RestApi(stack, 'Rest', { cloudWatchRole: true });
  rest.root.addMethod('GET', new apigateway.MockIntegration());
  return rest;
}
