import { RemovalPolicy, Resource, Tags } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { WebSocketStage } from '../src';
import { apiFixture, deployTimeString } from './fixtures';

describe('the stage resource', () => {
  test('has the API id and the stage name, and nothing else by default', () => {
    const { stack, api } = apiFixture();
    new WebSocketStage(stack, 'Stage', { webSocketApi: api, stageName: 'dev' });

    const stages = Template.fromStack(stack).findResources('AWS::ApiGatewayV2::Stage');
    expect(Object.values(stages)).toEqual([{
      Type: 'AWS::ApiGatewayV2::Stage',
      Properties: { ApiId: { Ref: 'ApiF70053CD' }, StageName: 'dev' },
    }]);
  });

  test('is the default child, with construct id Resource', () => {
    const { stack, api } = apiFixture();
    const stage = new WebSocketStage(stack, 'Stage', { webSocketApi: api, stageName: 'dev' });

    expect(stage.node.defaultChild).toBeInstanceOf(apigwv2.CfnStage);
    expect(stage.node.defaultChild?.node.id).toBe('Resource');
  });

  test.each([true, false])('writes autoDeploy %p as given', (autoDeploy) => {
    const { stack, api } = apiFixture();
    new WebSocketStage(stack, 'Stage', { webSocketApi: api, stageName: 'dev', autoDeploy });

    Template.fromStack(stack).hasResourceProperties('AWS::ApiGatewayV2::Stage', { AutoDeploy: autoDeploy });
  });

  test('writes the description', () => {
    const { stack, api } = apiFixture();
    new WebSocketStage(stack, 'Stage', { webSocketApi: api, stageName: 'dev', description: 'Production chat' });

    Template.fromStack(stack).hasResourceProperties('AWS::ApiGatewayV2::Stage', { Description: 'Production chat' });
  });

  test('writes the throttle and detailed metrics into DefaultRouteSettings', () => {
    const { stack, api } = apiFixture();
    new WebSocketStage(stack, 'Stage', {
      webSocketApi: api,
      stageName: 'dev',
      throttle: { rateLimit: 100.5, burstLimit: 200 },
      detailedMetricsEnabled: true,
    });

    Template.fromStack(stack).hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      DefaultRouteSettings: { ThrottlingRateLimit: 100.5, ThrottlingBurstLimit: 200, DetailedMetricsEnabled: true },
    });
  });

  test('takes its stage name from a deploy-time value', () => {
    const { stack, api } = apiFixture();
    new WebSocketStage(stack, 'Stage', { webSocketApi: api, stageName: deployTimeString(stack, 'Name') });

    Template.fromStack(stack).hasResourceProperties('AWS::ApiGatewayV2::Stage', { StageName: { Ref: 'Name' } });
  });

  test('is tagged through Tags.of', () => {
    const { stack, api } = apiFixture();
    const stage = new WebSocketStage(stack, 'Stage', { webSocketApi: api, stageName: 'dev' });
    Tags.of(stage).add('team', 'chat');

    Template.fromStack(stack).hasResourceProperties('AWS::ApiGatewayV2::Stage', { Tags: { team: 'chat' } });
  });

  test('applyRemovalPolicy sets the deletion and update-replace policies', () => {
    const { stack, api } = apiFixture();
    const stage = new WebSocketStage(stack, 'Stage', { webSocketApi: api, stageName: 'dev' });
    stage.applyRemovalPolicy(RemovalPolicy.RETAIN);

    Template.fromStack(stack).hasResource('AWS::ApiGatewayV2::Stage', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
  });
});

describe('stage variables', () => {
  test('are written from props, then from addStageVariable, which can overwrite', () => {
    const { stack, api } = apiFixture();
    const stage = new WebSocketStage(stack, 'Stage', {
      webSocketApi: api,
      stageName: 'dev',
      stageVariables: { env: 'dev', timeout: '30' },
    });
    stage.addStageVariable('timeout', '600');
    stage.addStageVariable('backend', 'https://example.com/chat?x=1');

    Template.fromStack(stack).hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageVariables: { env: 'dev', timeout: '600', backend: 'https://example.com/chat?x=1' },
    });
  });

  test('are left out of the template when there are none', () => {
    const { stack, api } = apiFixture();
    new WebSocketStage(stack, 'Stage', { webSocketApi: api, stageName: 'dev', stageVariables: {} });

    Template.fromStack(stack).hasResourceProperties('AWS::ApiGatewayV2::Stage', { StageVariables: Match.absent() });
  });
});

describe('identity', () => {
  test('is a construct, a resource and an owned resource, printed as its path', () => {
    const { stack, api } = apiFixture();
    const stage = new WebSocketStage(stack, 'Stage', { webSocketApi: api, stageName: 'dev' });

    expect(Construct.isConstruct(stage)).toBe(true);
    expect(Resource.isResource(stage)).toBe(true);
    expect(Resource.isOwnedResource(stage)).toBe(true);
    expect(stage.toString()).toBe('S/Stage');
  });

  test('exposes its api, stage name, stack and environment', () => {
    const { stack, api } = apiFixture({ account: '111111111111', region: 'eu-west-1' });
    const stage = new WebSocketStage(stack, 'Stage', { webSocketApi: api, stageName: 'dev' });

    expect(stage.api).toBe(api);
    expect(stage.stageName).toBe('dev');
    expect(stage.stack).toBe(stack);
    expect(stage.env).toEqual({ account: '111111111111', region: 'eu-west-1' });
  });

  test('stageRef carries the API id and the stage name', () => {
    const { stack, api } = apiFixture();
    const stage = new WebSocketStage(stack, 'Stage', { webSocketApi: api, stageName: 'dev' });

    expect(stack.resolve(stage.stageRef)).toEqual({ apiId: { Ref: 'ApiF70053CD' }, stageName: 'dev' });
  });

  test('plugs into aws-cdk-lib APIs that take a WebSocket stage: a usage plan', () => {
    const { stack, api } = apiFixture();
    const stage = new WebSocketStage(stack, 'Stage', { webSocketApi: api, stageName: 'dev' });
    new apigwv2.UsagePlan(stack, 'Plan', { apiStages: [{ api, stage }] });

    Template.fromStack(stack).hasResourceProperties('AWS::ApiGateway::UsagePlan', {
      ApiStages: [{ ApiId: { Ref: 'ApiF70053CD' }, Stage: 'dev' }],
    });
  });
});

describe('an imported stage', () => {
  function importedStage() {
    const fixture = apiFixture();
    const stage = WebSocketStage.fromWebSocketStageAttributes(fixture.stack, 'Imported', { api: fixture.api, stageName: 'prod' });
    return { ...fixture, stage };
  }

  test('has the stage name, the api and a reference', () => {
    const { stack, api, stage } = importedStage();

    expect(stage.stageName).toBe('prod');
    expect(stage.api).toBe(api);
    expect(stack.resolve(stage.stageRef)).toEqual({ apiId: { Ref: 'ApiF70053CD' }, stageName: 'prod' });
  });

  test('computes its URLs', () => {
    const { stack, stage } = importedStage();

    expect(stack.resolve(stage.url)).toEqual({
      'Fn::Join': ['', ['wss://', { Ref: 'ApiF70053CD' }, '.execute-api.', { Ref: 'AWS::Region' }, '.', { Ref: 'AWS::URLSuffix' }, '/prod']],
    });
    expect(stack.resolve(stage.callbackUrl)).toEqual({
      'Fn::Join': ['', ['https://', { Ref: 'ApiF70053CD' }, '.execute-api.', { Ref: 'AWS::Region' }, '.', { Ref: 'AWS::URLSuffix' }, '/prod']],
    });
  });

  test('grants management API access on its own stage', () => {
    const { stack, stage } = importedStage();
    const role = new iam.Role(stack, 'Role', { assumedBy: new iam.AccountRootPrincipal() });
    stage.grantManagementApiAccess(role);

    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: [Match.objectLike({ Resource: Match.objectLike({ 'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp('/prod/\\*/@connections/\\*')])] }) })] },
    });
  });

  test('has metrics with its dimensions', () => {
    const { stack, stage } = importedStage();

    expect(stack.resolve(stage.metric('MessageCount').dimensions)).toEqual({ ApiId: { Ref: 'ApiF70053CD' }, Stage: 'prod' });
  });

  test('fails when a stage variable is added, instead of ignoring it', () => {
    const { stage } = importedStage();

    expect(() => stage.addStageVariable('env', 'prod')).toThrow(
      "addStageVariable('env') cannot change imported stage 'prod': stage variables can only be set on stages defined in this app");
  });

  test('fails when a removal policy is applied, as it owns no resource', () => {
    const { stage } = importedStage();

    expect(() => stage.applyRemovalPolicy(RemovalPolicy.RETAIN)).toThrow(/Cannot apply RemovalPolicy/);
  });

  test('is a resource that is not owned', () => {
    const { stage } = importedStage();

    expect(Resource.isResource(stage)).toBe(true);
    expect(Resource.isOwnedResource(stage)).toBe(false);
  });

  test('fails when its stage name is invalid', () => {
    const { stack, api } = apiFixture();

    expect(() => WebSocketStage.fromWebSocketStageAttributes(stack, 'Imported', { api, stageName: 'bad name!' }))
      .toThrow("stageName must be 1-128 characters of A-Z a-z 0-9 - _ (got 'bad name!')");
  });

  test('takes a stage name from a deploy-time value', () => {
    const { stack, api } = apiFixture();
    const name = deployTimeString(stack, 'Name');

    expect(WebSocketStage.fromWebSocketStageAttributes(stack, 'Imported', { api, stageName: name }).stageName).toBe(name);
  });
});

describe('defaultAccessLogFormat', () => {
  test('returns the WebSocket format', () => {
    const { stack, api } = apiFixture();
    const stage = new WebSocketStage(stack, 'Stage', { webSocketApi: api, stageName: 'dev' });

    expect(stage.defaultAccessLogFormat().toString()).toContain('$context.connectionId');
  });
});

describe('remaining stage settings', () => {
  test('tags are written to the stage', () => {
    const { stack, api } = apiFixture();
    new WebSocketStage(stack, 'Stage', { webSocketApi: api, stageName: 'dev', tags: { team: 'chat', 'cost-center': '42' } });

    Template.fromStack(stack).hasResourceProperties('AWS::ApiGatewayV2::Stage', { Tags: { team: 'chat', 'cost-center': '42' } });
  });

  test('clientCertificateId is written to the stage', () => {
    const { stack, api } = apiFixture();
    new WebSocketStage(stack, 'Stage', { webSocketApi: api, stageName: 'dev', clientCertificateId: 'abc123' });

    Template.fromStack(stack).hasResourceProperties('AWS::ApiGatewayV2::Stage', { ClientCertificateId: 'abc123' });
  });

  test.each([
    [{ 'aws:owner': 'x' }, "tags key must be 1-128 characters of letters, digits, spaces and + - = . _ : / @, not starting with 'aws:' (got 'aws:owner')"],
    [{ ['k'.repeat(129)]: 'x' }, `tags key must be 1-128 characters of letters, digits, spaces and + - = . _ : / @, not starting with 'aws:'`],
    [{ team: 'a#b' }, "tags.team must be at most 256 characters of letters, digits, spaces and + - = . _ : / @ (got 'a#b')"],
    [{ team: 'v'.repeat(257) }, 'tags.team must be at most 256 characters of letters, digits, spaces and + - = . _ : / @'],
  ])('fails when tags are %p', (tags, message) => {
    const { stack, api } = apiFixture();

    expect(() => new WebSocketStage(stack, 'Stage', { webSocketApi: api, stageName: 'dev', tags })).toThrow(message);
  });

  test('accepts tags with spaces, unicode letters and an empty value, and deploy-time values', () => {
    const { stack, api } = apiFixture();

    expect(() => new WebSocketStage(stack, 'Stage', {
      webSocketApi: api,
      stageName: 'dev',
      tags: { 'Cost Center': 'Zürich/42', empty: '', owner: deployTimeString(stack, 'Owner') },
    })).not.toThrow();
  });
});
