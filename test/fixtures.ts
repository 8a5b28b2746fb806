import { App, CfnCondition, CfnParameter, Environment, Fn, Stack } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { WebSocketMockIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { WebSocketStage, WebSocketStageProps } from '../src';
import { quote } from '../src/validation';

// One builder per kind of thing the tests need. Each takes the scope it builds in and gives fixed construct ids,
// so a test names only what it is about.

/** An environment with a literal account and region, for tests that need them resolved. */
export const ENV: Environment = { account: '111111111111', region: 'eu-west-1' };

export interface NewStackOptions {
  /** @default a new App */
  readonly app?: App;
  /** @default 'S' */
  readonly id?: string;
  /** @default environment-agnostic */
  readonly env?: Environment;
}

/** A stack `S` in a fresh app, environment-agnostic unless `env` is given. */
export function newStack(options: NewStackOptions = {}): Stack {
  return new Stack(options.app ?? new App(), options.id ?? 'S', { env: options.env });
}

/** A WebSocket API `Api` (in a fresh stack unless one is given). Its stack is `api.stack`. */
export function newApi(stack: Stack = newStack(), props?: apigwv2.WebSocketApiProps): apigwv2.WebSocketApi {
  return new apigwv2.WebSocketApi(stack, 'Api', props);
}

/** A route of `api` with a mock integration; its construct is `api.node.findChild(\`${routeKey}-Route\`)`. */
export function addRoute(api: apigwv2.WebSocketApi, routeKey: string): apigwv2.WebSocketRoute {
  return api.addRoute(routeKey, { integration: new WebSocketMockIntegration(`${routeKey}Mock`) });
}

/** This library's stage `Stage` of `api`, in the API's stack, named `dev` unless `props` say otherwise. */
export function newStage(api: apigwv2.IWebSocketApi, props: Partial<WebSocketStageProps> = {}, id = 'Stage'): WebSocketStage {
  return new WebSocketStage(api.stack, id, { webSocketApi: api, stageName: 'dev', ...props });
}

/** A stage of `api` imported by name, as `Imported` in the API's stack. */
export function importStage(api: apigwv2.IWebSocketApi, stageName = 'prod', id = 'Imported') {
  return WebSocketStage.fromWebSocketStageAttributes(api.stack, id, { api, stageName });
}

/** A custom domain `ws.example.com` owned by the stack, with an imported certificate. */
export function newDomain(scope: Construct, id = 'Domain'): apigwv2.DomainName {
  return new apigwv2.DomainName(scope, id, {
    domainName: 'ws.example.com',
    certificate: acm.Certificate.fromCertificateArn(scope, `${id}Cert`, 'arn:aws:acm:eu-west-1:111111111111:certificate/abc'),
  });
}

/** The custom domain `ws.example.com`, imported by its attributes. */
export function importDomain(scope: Construct, id = 'Domain'): apigwv2.IDomainName {
  return apigwv2.DomainName.fromDomainNameAttributes(scope, id, {
    name: 'ws.example.com',
    regionalDomainName: 'd-abc.execute-api.eu-west-1.amazonaws.com',
    regionalHostedZoneId: 'Z2FDTNDATAQYW2',
  });
}

/** A log group `Logs`, for access logs. */
export function newLogGroup(scope: Construct, id = 'Logs', props?: logs.LogGroupProps): logs.LogGroup {
  return new logs.LogGroup(scope, id, props);
}

/** A role `Role` that grants can be given to. */
export function newRole(scope: Construct, id = 'Role'): iam.Role {
  return new iam.Role(scope, id, { assumedBy: new iam.AccountRootPrincipal() });
}

/** The metric helpers of a stage, and of its routes: method, metric name, statistic. */
export const METRIC_HELPERS = [
  ['metricConnectCount', 'ConnectCount', 'Sum'],
  ['metricMessageCount', 'MessageCount', 'Sum'],
  ['metricIntegrationError', 'IntegrationError', 'Sum'],
  ['metricClientError', 'ClientError', 'Sum'],
  ['metricExecutionError', 'ExecutionError', 'Sum'],
  ['metricIntegrationLatency', 'IntegrationLatency', 'Average'],
] as const;

/** A value that is only known at deploy time: a CloudFormation parameter. */
export function deployTimeString(stack: Stack, id: string): string {
  return new CfnParameter(stack, id).valueAsString;
}

/** A number that is only known at deploy time. */
export function deployTimeNumber(stack: Stack, id: string): number {
  return new CfnParameter(stack, id, { type: 'Number' }).valueAsNumber;
}

/**
 * A boolean decided at deploy time, `Fn.conditionIf('IsProd', true, false)`, typed as the boolean props take it
 * (the condition `IsProd` is added to the stack).
 */
export function deployTimeBoolean(stack: Stack): boolean {
  const condition = new CfnCondition(stack, 'IsProd', { expression: Fn.conditionEquals(deployTimeString(stack, 'Env'), 'prod') });
  return Fn.conditionIf(condition.logicalId, true, false) as unknown as boolean;
}

/**
 * What an error about a bad value must say: it starts with the prop and shows the value, whatever the wording
 * between them. For `expect(...).toThrow(...)`.
 */
export function errorNaming(prop: string, value: unknown, path = 'S/Stage'): RegExp {
  return new RegExp(`^${escape(path)}: ${escape(prop)} .*${escape(quote(value))}`);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** What a metric is, resolved in `stack`: what parity tests compare between this library's stage and aws-cdk-lib's. */
export function describeMetric(stack: Stack, metric: cloudwatch.Metric) {
  return stack.resolve({
    namespace: metric.namespace,
    metricName: metric.metricName,
    dimensions: metric.dimensions,
    statistic: metric.statistic,
    period: metric.period.toSeconds(),
    label: metric.label,
    unit: metric.unit,
    region: metric.region,
    account: metric.account,
  });
}
