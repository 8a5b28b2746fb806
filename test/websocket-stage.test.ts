import { CfnParameter, RemovalPolicy, Resource, Stack, Tags } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { LoggingLevel } from '../src';
import { deployTimeBoolean, deployTimeString, ENV, errorNaming, importStage, newApi, newRole, newStack, newStage } from './fixtures';

describe('the stage resource', () => {
  test('has the API id and the stage name, and nothing else by default', () => {
    const api = newApi();
    newStage(api);

    const stages = Template.fromStack(api.stack).findResources('AWS::ApiGatewayV2::Stage');
    expect(Object.values(stages)).toEqual([{
      Type: 'AWS::ApiGatewayV2::Stage',
      Properties: { ApiId: api.stack.resolve(api.apiId), StageName: 'dev' },
    }]);
  });

  test('is the default child, with construct id Resource', () => {
    const stage = newStage(newApi());

    expect(stage.node.defaultChild).toBeInstanceOf(apigwv2.CfnStage);
    expect(stage.node.defaultChild?.node.id).toBe('Resource');
  });

  test.each([true, false])('writes autoDeploy %p as given', (autoDeploy) => {
    const stage = newStage(newApi(), { autoDeploy });

    Template.fromStack(stage.stack).hasResourceProperties('AWS::ApiGatewayV2::Stage', { AutoDeploy: autoDeploy });
  });

  test.each<[string, (stack: Stack) => boolean]>([
    ['a condition', (stack) => deployTimeBoolean(stack)],
    ['a parameter', (stack) => new CfnParameter(stack, 'Deploy', { allowedValues: ['true', 'false'] }).valueAsString as unknown as boolean],
  ])('writes booleans decided at deploy time by %s as given, as aws-cdk-lib does', (_, make) => {
    const stack = newStack();
    const flag = make(stack);
    newStage(newApi(stack), { autoDeploy: flag, detailedMetricsEnabled: flag, dataTraceEnabled: flag, loggingLevel: LoggingLevel.INFO });

    Template.fromStack(stack).hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      AutoDeploy: stack.resolve(flag),
      DefaultRouteSettings: { DetailedMetricsEnabled: stack.resolve(flag), DataTraceEnabled: stack.resolve(flag), LoggingLevel: 'INFO' },
    });
  });

  test('writes the description', () => {
    const stage = newStage(newApi(), { description: 'Production chat' });

    Template.fromStack(stage.stack).hasResourceProperties('AWS::ApiGatewayV2::Stage', { Description: 'Production chat' });
  });

  test('writes the throttle and detailed metrics into DefaultRouteSettings', () => {
    const stage = newStage(newApi(), { throttle: { rateLimit: 100.5, burstLimit: 200 }, detailedMetricsEnabled: true });

    Template.fromStack(stage.stack).hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      DefaultRouteSettings: { ThrottlingRateLimit: 100.5, ThrottlingBurstLimit: 200, DetailedMetricsEnabled: true },
    });
  });

  test('takes its stage name from a deploy-time value', () => {
    const stack = newStack();
    const stageName = deployTimeString(stack, 'Name');
    newStage(newApi(stack), { stageName });

    Template.fromStack(stack).hasResourceProperties('AWS::ApiGatewayV2::Stage', { StageName: stack.resolve(stageName) });
  });

  test('is tagged through Tags.of', () => {
    const stage = newStage(newApi());
    Tags.of(stage).add('team', 'chat');

    Template.fromStack(stage.stack).hasResourceProperties('AWS::ApiGatewayV2::Stage', { Tags: { team: 'chat' } });
  });

  test('applyRemovalPolicy sets the deletion and update-replace policies', () => {
    const stage = newStage(newApi());
    stage.applyRemovalPolicy(RemovalPolicy.RETAIN);

    Template.fromStack(stage.stack).hasResource('AWS::ApiGatewayV2::Stage', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
  });
});

describe('stage variables', () => {
  test('are written from props, then from addStageVariable, which can overwrite', () => {
    const stage = newStage(newApi(), { stageVariables: { env: 'dev', timeout: '30' } });
    stage.addStageVariable('timeout', '600');
    stage.addStageVariable('backend', 'https://example.com/chat?x=1');

    Template.fromStack(stage.stack).hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageVariables: { env: 'dev', timeout: '600', backend: 'https://example.com/chat?x=1' },
    });
  });

  test('addStageVariable and addRouteSettings write into the L1 as they are called, after an escape-hatch assignment too', () => {
    const stage = newStage(newApi());
    const cfnStage = stage.node.defaultChild as apigwv2.CfnStage;
    cfnStage.stageVariables = { set: 'by hand' };
    cfnStage.routeSettings = { $default: { LoggingLevel: 'ERROR' } };
    stage.addStageVariable('env', 'prod');
    stage.addRouteSettings('$default', { detailedMetricsEnabled: true });

    expect(cfnStage.stageVariables).toEqual({ env: 'prod' });
    expect(stage.stack.resolve(cfnStage.routeSettings)).toEqual({ $default: { DetailedMetricsEnabled: true } });
  });

  test('are left out of the template when there are none', () => {
    const stage = newStage(newApi(), { stageVariables: {} });

    Template.fromStack(stage.stack).hasResourceProperties('AWS::ApiGatewayV2::Stage', { StageVariables: Match.absent() });
  });
});

describe('identity', () => {
  test('is a construct, a resource and an owned resource, printed as its path', () => {
    const stage = newStage(newApi());

    expect(Construct.isConstruct(stage)).toBe(true);
    expect(Resource.isResource(stage)).toBe(true);
    expect(Resource.isOwnedResource(stage)).toBe(true);
    expect(stage.toString()).toBe('S/Stage');
  });

  test('exposes its api, stage name, stack and environment', () => {
    const stack = newStack({ env: ENV });
    const api = newApi(stack);
    const stage = newStage(api);

    expect(stage.api).toBe(api);
    expect(stage.stageName).toBe('dev');
    expect(stage.stack).toBe(stack);
    expect(stage.env).toEqual({ account: '111111111111', region: 'eu-west-1' });
  });

  test('stageRef carries the API id and the stage name', () => {
    const api = newApi();
    const stage = newStage(api);

    expect(api.stack.resolve(stage.stageRef)).toEqual({ apiId: api.stack.resolve(api.apiId), stageName: 'dev' });
  });

  test('plugs into aws-cdk-lib APIs that take a WebSocket stage: a usage plan', () => {
    const api = newApi();
    const stage = newStage(api);
    new apigwv2.UsagePlan(api.stack, 'Plan', { apiStages: [{ api, stage }] });

    Template.fromStack(api.stack).hasResourceProperties('AWS::ApiGateway::UsagePlan', {
      ApiStages: [{ ApiId: api.stack.resolve(api.apiId), Stage: 'dev' }],
    });
  });
});

describe('an imported stage', () => {
  test('has the stage name, the api and a reference', () => {
    const api = newApi();
    const stage = importStage(api, 'prod');

    expect(stage.stageName).toBe('prod');
    expect(stage.api).toBe(api);
    expect(api.stack.resolve(stage.stageRef)).toEqual({ apiId: api.stack.resolve(api.apiId), stageName: 'prod' });
  });

  test('computes its URLs', () => {
    const api = newApi();
    const stage = importStage(api, 'prod');
    const endpoint = (scheme: string) => ({
      'Fn::Join': ['', [scheme, api.stack.resolve(api.apiId), '.execute-api.', { Ref: 'AWS::Region' }, '.', { Ref: 'AWS::URLSuffix' }, '/prod']],
    });

    expect(api.stack.resolve(stage.url)).toEqual(endpoint('wss://'));
    expect(api.stack.resolve(stage.callbackUrl)).toEqual(endpoint('https://'));
  });

  test('grants management API access on its own stage', () => {
    const api = newApi();
    const stage = importStage(api, 'prod');
    stage.grantManagementApiAccess(newRole(api.stack));

    Template.fromStack(api.stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: [Match.objectLike({ Resource: Match.objectLike({ 'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp('/prod/\\*/@connections/\\*')])] }) })] },
    });
  });

  test('has metrics with its dimensions', () => {
    const api = newApi();
    const stage = importStage(api, 'prod');

    expect(api.stack.resolve(stage.metric('MessageCount').dimensions)).toEqual({ ApiId: api.stack.resolve(api.apiId), Stage: 'prod' });
  });

  test('fails when a stage variable is added, instead of ignoring it', () => {
    const stage = importStage(newApi(), 'prod');

    expect(() => stage.addStageVariable('env', 'prod')).toThrow(/^S\/Imported: addStageVariable\('env'\) .*imported stage 'prod'/);
  });

  test('fails when a removal policy is applied, as it owns no resource', () => {
    const stage = importStage(newApi(), 'prod');

    expect(() => stage.applyRemovalPolicy(RemovalPolicy.RETAIN)).toThrow(/Cannot apply RemovalPolicy/);
  });

  test('is a resource that is not owned', () => {
    const stage = importStage(newApi(), 'prod');

    expect(Resource.isResource(stage)).toBe(true);
    expect(Resource.isOwnedResource(stage)).toBe(false);
  });

  test('fails when its stage name is invalid', () => {
    const api = newApi();

    expect(() => importStage(api, 'bad name!')).toThrow(errorNaming('stageName', 'bad name!', 'S/Imported'));
  });

  test('takes a stage name from a deploy-time value', () => {
    const stack = newStack();
    const name = deployTimeString(stack, 'Name');

    expect(importStage(newApi(stack), name).stageName).toBe(name);
  });
});

describe('defaultAccessLogFormat', () => {
  test('returns the WebSocket format', () => {
    const stage = newStage(newApi());

    expect(stage.defaultAccessLogFormat().toString()).toContain('$context.connectionId');
  });
});

describe('remaining stage settings', () => {
  test('tags are written to the stage', () => {
    const stage = newStage(newApi(), { tags: { team: 'chat', 'cost-center': '42' } });

    Template.fromStack(stage.stack).hasResourceProperties('AWS::ApiGatewayV2::Stage', { Tags: { team: 'chat', 'cost-center': '42' } });
  });

  test('clientCertificateId is written to the stage', () => {
    const stage = newStage(newApi(), { clientCertificateId: 'abc123' });

    Template.fromStack(stage.stack).hasResourceProperties('AWS::ApiGatewayV2::Stage', { ClientCertificateId: 'abc123' });
  });

  test.each([
    [{ 'aws:owner': 'x' }, errorNaming('tags key', 'aws:owner')],
    [{ ['k'.repeat(129)]: 'x' }, errorNaming('tags key', 'k'.repeat(129))],
    [{ team: 'a#b' }, errorNaming('tags.team', 'a#b')],
    [{ team: 'v'.repeat(257) }, errorNaming('tags.team', 'v'.repeat(257))],
    [{ '': 'x' }, errorNaming('tags key', '')],
    [{ 'AWS:owner': 'x' }, errorNaming('tags key', 'AWS:owner')],
    [{ 'Aws:owner': 'x' }, errorNaming('tags key', 'Aws:owner')],
    [{ team: '𝐀'.repeat(257) }, errorNaming('tags.team', '𝐀'.repeat(257))],
    [{ ['𝐀'.repeat(129)]: 'x' }, errorNaming('tags key', '𝐀'.repeat(129))],
    // AWS reserves the prefix on values too ("for either keys or values").
    [{ team: 'aws:x' }, errorNaming('tags.team', 'aws:x')],
    [{ team: 'AWS:x' }, errorNaming('tags.team', 'AWS:x')],
  ])('fails when tags are %p', (tags, error) => {
    expect(() => newStage(newApi(), { tags })).toThrow(error);
  });

  test.each([
    ['a key of 128 characters', { ['k'.repeat(128)]: 'x' }],
    ['a value of 256 characters', { team: 'v'.repeat(256) }],
    // AWS counts characters: U+1D400 is one character, two UTF-16 units.
    ['a key of 128 characters outside the BMP', { ['𝐀'.repeat(128)]: 'x' }],
    ['a value of 200 characters outside the BMP', { team: '𝐀'.repeat(200) }],
    ["a key starting with 'aws' but not 'aws:'", { awsome: 'x' }],
    ["a value starting with 'aws' but not 'aws:', or holding 'aws:' later", { team: 'awsome', owner: 'x-aws:y' }],
  ])('accepts %s', (_, tags) => {
    const stage = newStage(newApi(), { tags });

    Template.fromStack(stage.stack).hasResourceProperties('AWS::ApiGatewayV2::Stage', { Tags: tags });
  });

  test('accepts 50 tags, the AWS limit per resource, and fails at 51', () => {
    const tags = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`k${i}`, 'v']));

    expect(() => newStage(newApi(), { tags: tags(50) })).not.toThrow();
    expect(() => newStage(newApi(), { tags: tags(51) })).toThrow(/^S\/Stage: tags must have at most 50 tags.*'51 tags'/);
  });

  test('tags go on every taggable resource the stage makes: the stage, its execution log group and its alarms', () => {
    const stage = newStage(newApi(), { tags: { team: 'chat' }, loggingLevel: LoggingLevel.ERROR, executionLogRetention: logs.RetentionDays.ONE_DAY });
    const alarms = stage.addRecommendedAlarms();
    const template = Template.fromStack(stage.stack);

    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', { Tags: { team: 'chat' } });
    template.hasResourceProperties('AWS::Logs::LogGroup', { Tags: [{ Key: 'team', Value: 'chat' }] });
    expect(alarms).toHaveLength(3);
    expect(Object.values(template.findResources('AWS::CloudWatch::Alarm')).map((alarm) => alarm.Properties.Tags))
      .toEqual(Array(3).fill([{ Key: 'team', Value: 'chat' }]));
  });

  test('an empty tag value is accepted on the stage and its log group, and refused by addRecommendedAlarms: alarms cannot carry it', () => {
    const stage = newStage(newApi(), { tags: { team: 'chat', empty: '' }, executionLogRetention: logs.RetentionDays.ONE_DAY });

    expect(() => stage.addRecommendedAlarms()).toThrow(new Error("S/Stage: tags.empty must not be empty on a stage with recommended "
      + "alarms: the stage's tags go on its alarms too, and CloudFormation takes alarm tag values of 1-256 characters (got '')"));
    expect(() => stage.addRecommendedAlarms({ routeKey: 'a' })).toThrow(/tags\.empty must not be empty/);
    // The first empty value is the one named.
    expect(() => newStage(newApi(), { tags: { first: '', second: '' } }).addRecommendedAlarms()).toThrow(/^S\/Stage: tags\.first must not/);
    const template = Template.fromStack(stage.stack);
    template.hasResourceProperties('AWS::Logs::LogGroup', { Tags: Match.arrayWith([{ Key: 'empty', Value: '' }]) });
    template.resourceCountIs('AWS::CloudWatch::Alarm', 0);
  });

  test('accepts tags with spaces, unicode letters and an empty value, and deploy-time values', () => {
    const stack = newStack();

    expect(() => newStage(newApi(stack), {
      tags: { 'Cost Center': 'Zürich/42', empty: '', owner: deployTimeString(stack, 'Owner') },
    })).not.toThrow();
  });
});
