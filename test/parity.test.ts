import { Duration, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as logs from 'aws-cdk-lib/aws-logs';
import { WebSocketStage, WebSocketStageProps } from '../src';
import { describeMetric, newApi, newDomain, newLogGroup, newRole } from './fixtures';

// Builds the same app twice, once with this library's stage and once with aws-cdk-lib's (of the version
// this jest project runs against), and compares what users see of each.

interface Collaborators {
  readonly stack: Stack;
  readonly domain: apigwv2.DomainName;
  readonly logGroup: logs.LogGroup;
}

type Scenario = (c: Collaborators) => Omit<WebSocketStageProps, 'webSocketApi' | 'stageName'>;

type Implementation = 'cdk-websocket-stage' | 'aws-cdk-lib';

function build(implementation: Implementation, scenario: Scenario) {
  const api = newApi();
  const { stack } = api;
  const domain = newDomain(stack);
  const logGroup = newLogGroup(stack);
  const role = newRole(stack);
  const props = { webSocketApi: api, stageName: 'dev', ...scenario({ stack, domain, logGroup }) };
  const stage = implementation === 'cdk-websocket-stage'
    ? new WebSocketStage(stack, 'Stage', props)
    : new apigwv2.WebSocketStage(stack, 'Stage', props);
  stage.grantManagementApiAccess(role);
  return { stack, stage, template: Template.fromStack(stack) };
}

/** The properties of every resource of a type, in logical id order. Logical ids of mappings differ by design. */
function propertiesOf(template: Template, type: string): unknown[] {
  const resources = template.findResources(type);
  return Object.keys(resources).sort().map((id) => resources[id].Properties);
}

const SCENARIOS: Record<string, Scenario> = {
  'only the required props': () => ({}),
  'autoDeploy true': () => ({ autoDeploy: true }),
  'autoDeploy false': () => ({ autoDeploy: false }),
  'a description': () => ({ description: 'Production chat' }),
  'a full throttle': () => ({ throttle: { rateLimit: 100, burstLimit: 200 } }),
  'a rate limit alone': () => ({ throttle: { rateLimit: 12.5 } }),
  'a burst limit alone': () => ({ throttle: { burstLimit: 7 } }),
  'detailed metrics': () => ({ detailedMetricsEnabled: true }),
  'a throttle with detailed metrics off': () => ({ throttle: { rateLimit: 1 }, detailedMetricsEnabled: false }),
  'stage variables': () => ({ stageVariables: { env: 'prod', backend: 'https://example.com/a?b=c' } }),
  'access logs in the default format': ({ logGroup }) => ({
    accessLogSettings: { destination: new apigwv2.LogGroupLogDestination(logGroup) },
  }),
  'access logs in a custom format': ({ logGroup }) => ({
    accessLogSettings: {
      destination: new apigwv2.LogGroupLogDestination(logGroup),
      format: apigateway.AccessLogFormat.custom(`${apigateway.AccessLogField.contextRequestId()} ${apigateway.AccessLogField.contextRouteKey()}`),
    },
  }),
  'a domain mapping with a key': ({ domain }) => ({ domainMapping: { domainName: domain, mappingKey: 'v1' } }),
  'a domain mapping on the root': ({ domain }) => ({ domainMapping: { domainName: domain } }),
  'everything at once': ({ domain, logGroup }) => ({
    autoDeploy: true,
    description: 'All of it',
    throttle: { rateLimit: 50, burstLimit: 100 },
    detailedMetricsEnabled: true,
    stageVariables: { env: 'prod' },
    accessLogSettings: { destination: new apigwv2.LogGroupLogDestination(logGroup) },
    domainMapping: { domainName: domain, mappingKey: 'chat' },
  }),
};

describe.each(Object.entries(SCENARIOS))('with %s, as aws-cdk-lib', (_name, scenario) => {
  const ours = build('cdk-websocket-stage', scenario);
  const theirs = build('aws-cdk-lib', scenario);

  test('the Stage resource has the same properties and logical id', () => {
    expect(Object.keys(ours.template.findResources('AWS::ApiGatewayV2::Stage')))
      .toEqual(Object.keys(theirs.template.findResources('AWS::ApiGatewayV2::Stage')));
    expect(propertiesOf(ours.template, 'AWS::ApiGatewayV2::Stage')).toEqual(propertiesOf(theirs.template, 'AWS::ApiGatewayV2::Stage'));
  });

  test('the ApiMapping resource has the same properties', () => {
    expect(propertiesOf(ours.template, 'AWS::ApiGatewayV2::ApiMapping')).toEqual(propertiesOf(theirs.template, 'AWS::ApiGatewayV2::ApiMapping'));
  });

  test('the grant writes the same IAM policy', () => {
    expect(propertiesOf(ours.template, 'AWS::IAM::Policy')).toEqual(propertiesOf(theirs.template, 'AWS::IAM::Policy'));
  });

  test('url and callbackUrl are the same', () => {
    expect(ours.stack.resolve(ours.stage.url)).toEqual(theirs.stack.resolve(theirs.stage.url));
    expect(ours.stack.resolve(ours.stage.callbackUrl)).toEqual(theirs.stack.resolve(theirs.stage.callbackUrl));
  });
});

describe('metrics, as aws-cdk-lib', () => {
  const ours = build('cdk-websocket-stage', () => ({}));
  const theirs = build('aws-cdk-lib', () => ({}));

  test('with defaults', () => {
    expect(describeMetric(ours.stack, ours.stage.metric('MessageCount'))).toEqual(describeMetric(theirs.stack, theirs.stage.metric('MessageCount')));
    expect(ours.stack.resolve(ours.stage.metric('MessageCount').toMetricConfig()))
      .toEqual(theirs.stack.resolve(theirs.stage.metric('MessageCount').toMetricConfig()));
  });

  test('with options', () => {
    const options: cloudwatch.MetricOptions = { statistic: 'p99', period: Duration.minutes(1), label: 'Latency', unit: cloudwatch.Unit.MILLISECONDS };
    expect(describeMetric(ours.stack, ours.stage.metric('IntegrationLatency', options)))
      .toEqual(describeMetric(theirs.stack, theirs.stage.metric('IntegrationLatency', options)));
    expect(ours.stack.resolve(ours.stage.metric('IntegrationLatency', options).toMetricConfig()))
      .toEqual(theirs.stack.resolve(theirs.stage.metric('IntegrationLatency', options).toMetricConfig()));
  });
});

describe('where this library deliberately differs from aws-cdk-lib', () => {
  test('an empty throttle adds no empty DefaultRouteSettings', () => {
    const scenario: Scenario = () => ({ throttle: {} });
    expect(propertiesOf(build('aws-cdk-lib', scenario).template, 'AWS::ApiGatewayV2::Stage')[0]).toHaveProperty('DefaultRouteSettings', {});
    expect(propertiesOf(build('cdk-websocket-stage', scenario).template, 'AWS::ApiGatewayV2::Stage')[0]).not.toHaveProperty('DefaultRouteSettings');
  });

  test('dimensions passed to metric() are kept', () => {
    const ours = build('cdk-websocket-stage', () => ({}));
    const theirs = build('aws-cdk-lib', () => ({}));
    const options = { dimensionsMap: { Route: '$connect' } };
    expect(theirs.stage.metric('MessageCount', options).dimensions).not.toHaveProperty('Route');
    expect(ours.stage.metric('MessageCount', options).dimensions).toHaveProperty('Route', '$connect');
  });

  test('the mapping id does not embed the domain path or "undefined"', () => {
    const scenario: Scenario = ({ domain }) => ({ domainMapping: { domainName: domain } });
    const theirIds = Object.keys(build('aws-cdk-lib', scenario).template.findResources('AWS::ApiGatewayV2::ApiMapping'));
    const ourIds = Object.keys(build('cdk-websocket-stage', scenario).template.findResources('AWS::ApiGatewayV2::ApiMapping'));
    expect(theirIds[0]).toMatch(/undefined/);
    expect(ourIds[0]).toMatch(/^StageApiMapping/);
  });
});
