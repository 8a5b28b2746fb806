import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import { Construct } from 'constructs';
import { WebSocketStage, WebSocketStageProps } from '../src';
import { addRoute, importDomain, newApi, newDomain, newLogGroup, newRole } from './fixtures';

// A stack switched from aws-cdk-lib's stage to this one with `awsCdkLibLogicalIds: true` must keep the logical id
// of every resource: CloudFormation replaces a resource whose logical id changes, and a replaced ApiMapping of the
// same domain and key fails ("ApiMapping key already exists"). Each app is built twice, once per stage class.

type StageProps = Omit<WebSocketStageProps, 'webSocketApi' | 'awsCdkLibLogicalIds'>;

/** An app: what it builds besides the API, and the props of each of its stages by construct id. */
type App = (stack: Stack) => Record<string, StageProps>;

type Implementation = 'aws-cdk-lib' | 'switched' | 'switched with the default ids';

function logicalIds(implementation: Implementation, app: App): string[] {
  const api = newApi();
  const { stack } = api;
  addRoute(api, '$connect');
  addRoute(api, 'sendmessage');
  const role = newRole(stack);
  for (const [id, props] of Object.entries(app(stack))) {
    const stage = implementation === 'aws-cdk-lib'
      ? new apigwv2.WebSocketStage(stack, id, { webSocketApi: api, ...props })
      : new WebSocketStage(stack, id, { webSocketApi: api, ...props, awsCdkLibLogicalIds: implementation === 'switched' });
    stage.grantManagementApiAccess(role);
  }
  return Object.keys(Template.fromStack(stack).toJSON().Resources).sort();
}

/** A second custom domain, `beta.example.com`. */
function secondDomain(stack: Stack): apigwv2.DomainName {
  return new apigwv2.DomainName(stack, 'BetaDomain', {
    domainName: 'beta.example.com',
    certificate: acm.Certificate.fromCertificateArn(stack, 'BetaCert', 'arn:aws:acm:eu-west-1:111111111111:certificate/abc'),
  });
}

const APPS: Record<string, App> = {
  'a stage without a domain': () => ({ Stage: { stageName: 'dev' } }),
  'a domain mapping with a key': (stack) => ({
    Stage: { stageName: 'prod', autoDeploy: true, domainMapping: { domainName: newDomain(stack), mappingKey: 'v1' } },
  }),
  'a domain mapping on the root': (stack) => ({ Stage: { stageName: 'prod', domainMapping: { domainName: newDomain(stack) } } }),
  'a domain in a nested construct': (stack) => ({
    Stage: { stageName: 'prod', domainMapping: { domainName: newDomain(new Construct(stack, 'Domains'), 'Chat') } },
  }),
  'an imported domain': (stack) => ({ Stage: { stageName: 'prod', domainMapping: { domainName: importDomain(stack), mappingKey: 'chat' } } }),
  'two mapped stages, with everything aws-cdk-lib has': (stack) => ({
    Prod: {
      stageName: 'prod',
      autoDeploy: true,
      description: 'Production',
      throttle: { rateLimit: 50, burstLimit: 100 },
      detailedMetricsEnabled: true,
      stageVariables: { env: 'prod' },
      accessLogSettings: { destination: new apigwv2.LogGroupLogDestination(newLogGroup(stack)) },
      domainMapping: { domainName: newDomain(stack), mappingKey: 'chat' },
    },
    Beta: { stageName: 'beta', domainMapping: { domainName: secondDomain(stack), mappingKey: 'chat' } },
  }),
};

describe.each(Object.entries(APPS))('an app with %s, switched from aws-cdk-lib with awsCdkLibLogicalIds', (_name, app) => {
  test('synthesizes the same logical ids', () => {
    expect(logicalIds('switched', app)).toEqual(logicalIds('aws-cdk-lib', app));
  });
});

test('without awsCdkLibLogicalIds, a switched mapping gets a new logical id', () => {
  const app = APPS['a domain mapping with a key'];
  const theirs = logicalIds('aws-cdk-lib', app);
  const ours = logicalIds('switched with the default ids', app);
  expect(theirs.filter((id) => !ours.includes(id))).toEqual([expect.stringMatching(/^StageSDomainv1/)]);
  expect(ours.filter((id) => !theirs.includes(id))).toEqual([expect.stringMatching(/^StageApiMapping/)]);
});
