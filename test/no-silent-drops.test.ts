import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as logs from 'aws-cdk-lib/aws-logs';
import { LoggingLevel, WebSocketStageProps } from '../src';
import { newApi, newDomain, newLogGroup, newStage } from './fixtures';

// Every prop, when set, shows in the template: nothing is accepted and ignored. The matrix must name every prop
// of the public structs, read from the jsii assembly, so a new prop cannot be added without a row here.

type Row = {
  props: (api: apigwv2.WebSocketApi) => Partial<WebSocketStageProps>;
  /** What the template holds because of the prop; `api` is the one the row's props were made with. */
  shows: (template: Template, api: apigwv2.WebSocketApi) => void;
};

const stageHas = (properties: object) => (t: Template) => t.hasResourceProperties('AWS::ApiGatewayV2::Stage', properties);

/** A construct the row made in the API's stack, resolved as the template refers to it. */
const resolved = (api: apigwv2.WebSocketApi, value: (stack: Stack) => string) => api.stack.resolve(value(api.stack));

const MATRIX: Record<string, Row> = {
  webSocketApi: { props: (api) => ({ webSocketApi: api }), shows: (t, api) => stageHas({ ApiId: api.stack.resolve(api.apiId) })(t) },
  stageName: { props: () => ({ stageName: 'blue' }), shows: stageHas({ StageName: 'blue' }) },
  autoDeploy: { props: () => ({ autoDeploy: false }), shows: stageHas({ AutoDeploy: false }) },
  description: { props: () => ({ description: 'd' }), shows: stageHas({ Description: 'd' }) },
  detailedMetricsEnabled: { props: () => ({ detailedMetricsEnabled: true }), shows: stageHas({ DefaultRouteSettings: { DetailedMetricsEnabled: true } }) },
  throttle: { props: () => ({ throttle: { rateLimit: 1, burstLimit: 2 } }), shows: stageHas({ DefaultRouteSettings: { ThrottlingRateLimit: 1, ThrottlingBurstLimit: 2 } }) },
  loggingLevel: { props: () => ({ loggingLevel: LoggingLevel.OFF }), shows: stageHas({ DefaultRouteSettings: { LoggingLevel: 'OFF' } }) },
  dataTraceEnabled: { props: () => ({ dataTraceEnabled: false }), shows: stageHas({ DefaultRouteSettings: { DataTraceEnabled: false } }) },
  stageVariables: { props: () => ({ stageVariables: { a: 'b' } }), shows: stageHas({ StageVariables: { a: 'b' } }) },
  tags: { props: () => ({ tags: { a: 'b' } }), shows: stageHas({ Tags: { a: 'b' } }) },
  clientCertificateId: { props: () => ({ clientCertificateId: 'c1' }), shows: stageHas({ ClientCertificateId: 'c1' }) },
  routeSettings: {
    props: () => ({ routeSettings: { $connect: { throttle: { rateLimit: 3, burstLimit: 4 }, loggingLevel: LoggingLevel.OFF, dataTraceEnabled: false, detailedMetricsEnabled: false } } }),
    shows: stageHas({ RouteSettings: { $connect: { ThrottlingRateLimit: 3, ThrottlingBurstLimit: 4, LoggingLevel: 'OFF', DataTraceEnabled: false, DetailedMetricsEnabled: false } } }),
  },
  executionLogRetention: { props: () => ({ executionLogRetention: logs.RetentionDays.ONE_WEEK }), shows: (t) => t.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 7 }) },
  cloudWatchRole: { props: () => ({ cloudWatchRole: true }), shows: (t) => t.resourceCountIs('AWS::ApiGateway::Account', 1) },
  managedDeployment: { props: () => ({ managedDeployment: true }), shows: (t) => t.resourceCountIs('AWS::ApiGatewayV2::Deployment', 1) },
  accessLogSettings: {
    props: (api) => ({
      accessLogSettings: {
        destination: new apigwv2.LogGroupLogDestination(newLogGroup(api.stack)),
        format: apigateway.AccessLogFormat.custom('$context.requestId x'),
      },
    }),
    shows: (t, api) => stageHas({
      AccessLogSettings: {
        DestinationArn: resolved(api, (stack) => (stack.node.findChild('Logs') as logs.LogGroup).logGroupArn),
        Format: '$context.requestId x',
      },
    })(t),
  },
  domainMapping: {
    props: (api) => ({
      domainMapping: {
        domainName: newDomain(api.stack),
        mappingKey: 'k',
      },
    }),
    shows: (t, api) => t.hasResourceProperties('AWS::ApiGatewayV2::ApiMapping', {
      DomainName: resolved(api, (stack) => (stack.node.findChild('Domain') as apigwv2.DomainName).name),
      ApiMappingKey: 'k',
    }),
  },
  awsCdkLibLogicalIds: {
    props: (api) => ({ awsCdkLibLogicalIds: true, domainMapping: { domainName: newDomain(api.stack), mappingKey: 'k' } }),
    shows: (t) => expect(Object.keys(t.findResources('AWS::ApiGatewayV2::ApiMapping'))).toEqual([expect.stringMatching(/^StageSDomaink[0-9A-F]{8}$/)]),
  },
};

function structProperties(fqn: string): string[] {
  const file = join(__dirname, '..', '.jsii');
  if (!existsSync(file)) {
    throw new Error('no .jsii assembly: run `npm run build` (or `npm run test:unit`) first');
  }
  const assembly = JSON.parse(readFileSync(file, 'utf8'));
  return assembly.types[fqn].properties.map((p: { name: string }) => p.name).sort();
}

test('the matrix covers every prop of WebSocketStageProps', () => {
  expect(Object.keys(MATRIX).sort()).toEqual(structProperties('cdk-websocket-stage.WebSocketStageProps'));
});

test('the routeSettings row sets every field of RouteSettings', () => {
  const fields = Object.keys(MATRIX.routeSettings.props(newApi()).routeSettings!.$connect).sort();
  expect(fields).toEqual(structProperties('cdk-websocket-stage.RouteSettings'));
});

test('the accessLogSettings row sets every field of AccessLogSettings', () => {
  const fields = Object.keys(MATRIX.accessLogSettings.props(newApi()).accessLogSettings!).sort();
  expect(fields).toEqual(structProperties('cdk-websocket-stage.AccessLogSettings'));
});

test.each(Object.entries(MATRIX))('%s, when set, shows in the template', (_prop, row) => {
  const api = newApi();
  newStage(api, row.props(api));

  row.shows(Template.fromStack(api.stack), api);
});
