import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { gunzipSync } from 'zlib';
import { Duration, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as logs from 'aws-cdk-lib/aws-logs';
import { LoggingLevel, RecommendedAlarmSettings, WebSocketStage, WebSocketStageProps } from '../src';
import { importStage, newApi, newDomain, newLogGroup, newStage } from './fixtures';

// Every prop, when set, shows in the template or in what the library returns: nothing is accepted and ignored.
// The structs covered are read from the jsii assembly (this library's, and the aws-cdk-lib structs its API takes),
// so a new struct, or a new field of one, cannot be added without rows here.

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
  detailedMetricsEnabled: { props: () => ({ detailedMetricsEnabled: false }), shows: stageHas({ DefaultRouteSettings: { DetailedMetricsEnabled: false } }) },
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

type TypeRef = object;
type Callable = { parameters?: { type: TypeRef }[] };
type Assembly = {
  types: Record<string, {
    datatype?: boolean;
    interfaces?: string[];
    properties?: { name: string; type: TypeRef }[];
    methods?: Callable[];
    initializer?: Callable;
  }>;
};

function readAssembly(file: string): Assembly {
  if (file.endsWith('.gz')) {
    return JSON.parse(gunzipSync(readFileSync(file)).toString('utf8'));
  }
  if (!existsSync(file)) {
    throw new Error('no .jsii assembly: run `npm run build` (or `npm run test:unit`) first');
  }
  return JSON.parse(readFileSync(file, 'utf8'));
}

const ROOT = join(__dirname, '..');
const own = readAssembly(join(ROOT, '.jsii'));
let awsCdkLib: Assembly | undefined; // 7 MB compressed: read only when a struct of it is asked for
const assemblyOf = (fqn: string) => fqn.startsWith('aws-cdk-lib.')
  ? (awsCdkLib ??= readAssembly(join(ROOT, 'node_modules', 'aws-cdk-lib', '.jsii.gz')))
  : own;

/** The fields of a struct, its inherited ones included. */
function structProperties(fqn: string): string[] {
  const type = assemblyOf(fqn).types[fqn];
  const inherited = (type.interfaces ?? []).flatMap(structProperties);
  return [...new Set([...(type.properties ?? []).map((p) => p.name), ...inherited])].sort();
}

/** The fqns a type reference names, however nested (optional, array, map, union). */
function namedTypes(ref: TypeRef): string[] {
  const names: string[] = [];
  JSON.stringify(ref, (key, value) => {
    if (key === 'fqn' && typeof value === 'string') names.push(value);
    return value;
  });
  return names;
}

/**
 * The structs the public API takes as input: this library's own, and every aws-cdk-lib struct that a field of one
 * of them or a parameter of a method or constructor takes (a prop like `throttle`, the options of `metric()`).
 */
function inputStructs(): string[] {
  const structs = new Set<string>();
  for (const [fqn, type] of Object.entries(own.types)) {
    const inputs = type.datatype
      ? [fqn, ...(type.properties ?? []).map((p) => p.type)]
      : [...(type.methods ?? []), ...(type.initializer ? [type.initializer] : [])].flatMap((c) => (c.parameters ?? []).map((p) => p.type));
    for (const name of inputs.flatMap((input) => typeof input === 'string' ? [input] : namedTypes(input))) {
      if (assemblyOf(name).types[name]?.datatype) structs.add(name);
    }
  }
  return [...structs].sort();
}

/** A check that one field of a struct, when set, shows where it should. */
type FieldRow = () => void;

const alarmProperties = (stage: WebSocketStage, id: string) => Template.fromStack(Stack.of(stage)).findResources('AWS::CloudWatch::Alarm', {})[
  Stack.of(stage).getLogicalId(stage.node.findChild('RecommendedAlarms').node.findChild(id).node.defaultChild as cloudwatch.CfnAlarm)
].Properties;

/** One field of `RecommendedAlarmSettings` set on the IntegrationLatency alarm, and what the alarm then holds. */
const alarmSetting = (settings: RecommendedAlarmSettings, holds: object): FieldRow => () => {
  const stage = newStage(newApi());
  stage.addRecommendedAlarms({ integrationLatency: settings });
  expect(alarmProperties(stage, 'IntegrationLatency')).toMatchObject(holds);
};

/** One option of `metric()`, and what the metric then holds. */
const metricOption = (options: cloudwatch.MetricOptions, holds: (metric: cloudwatch.Metric) => void): FieldRow => () => {
  holds(newStage(newApi()).metric('MessageCount', options));
};

/** Every struct of the public API, with a row for each field: where that field shows when it is set. */
const STRUCT_ROWS: Record<string, Record<string, FieldRow>> = {
  'cdk-websocket-stage.WebSocketStageProps': Object.fromEntries(Object.entries(MATRIX).map(([prop, row]) => [prop, () => {
    const api = newApi();
    newStage(api, row.props(api));
    row.shows(Template.fromStack(api.stack), api);
  }])),
  // Set as a whole by the matrix's rows: these check that those rows set every field.
  'cdk-websocket-stage.RouteSettings': Object.fromEntries(Object.keys(MATRIX.routeSettings.props(newApi()).routeSettings!.$connect)
    .map((field) => [field, () => STRUCT_ROWS['cdk-websocket-stage.WebSocketStageProps'].routeSettings()])),
  'cdk-websocket-stage.AccessLogSettings': Object.fromEntries(Object.keys(MATRIX.accessLogSettings.props(newApi()).accessLogSettings!)
    .map((field) => [field, () => STRUCT_ROWS['cdk-websocket-stage.WebSocketStageProps'].accessLogSettings()])),
  'aws-cdk-lib.aws_apigatewayv2.ThrottleSettings': Object.fromEntries(Object.keys(MATRIX.throttle.props(newApi()).throttle!)
    .map((field) => [field, () => STRUCT_ROWS['cdk-websocket-stage.WebSocketStageProps'].throttle()])),
  'aws-cdk-lib.aws_apigatewayv2.DomainMappingOptions': Object.fromEntries(Object.keys(MATRIX.domainMapping.props(newApi()).domainMapping!)
    .map((field) => [field, () => STRUCT_ROWS['cdk-websocket-stage.WebSocketStageProps'].domainMapping()])),
  'cdk-websocket-stage.WebSocketStageAttributes': {
    api: () => {
      const api = newApi();
      expect(importStage(api).api).toBe(api);
    },
    stageName: () => expect(importStage(newApi(), 'blue').stageName).toBe('blue'),
  },
  'cdk-websocket-stage.RecommendedAlarmsOptions': {
    actions: () => {
      const stage = newStage(newApi());
      const topic = 'arn:aws:sns:eu-west-1:111111111111:t';
      stage.addRecommendedAlarms({ actions: [{ bind: () => ({ alarmActionArn: topic }) }] });
      expect(alarmProperties(stage, 'ClientError')).toMatchObject({ AlarmActions: [topic] });
    },
    routeKey: () => {
      const stage = newStage(newApi());
      stage.addRecommendedAlarms({ routeKey: 'send' });
      expect(stage.node.findChild('RecommendedAlarms').node.tryFindChild('Route-send')).toBeDefined();
    },
    clientError: () => {
      const stage = newStage(newApi());
      stage.addRecommendedAlarms({ clientError: { threshold: 0.5 } });
      expect(alarmProperties(stage, 'ClientError')).toMatchObject({ Threshold: 0.5 });
    },
    executionError: () => {
      const stage = newStage(newApi());
      stage.addRecommendedAlarms({ executionError: { threshold: 0.5 } });
      expect(alarmProperties(stage, 'ExecutionError')).toMatchObject({ Threshold: 0.5 });
    },
    integrationLatency: alarmSetting({ threshold: 99 }, { Threshold: 99 }),
    messageCount: () => {
      const stage = newStage(newApi());
      stage.addRecommendedAlarms({ messageCount: { threshold: 7 } });
      expect(alarmProperties(stage, 'MessageCount')).toMatchObject({ Threshold: 7 });
    },
  },
  'cdk-websocket-stage.RecommendedAlarmSettings': {
    enabled: () => {
      const stage = newStage(newApi());
      stage.addRecommendedAlarms({ integrationLatency: { enabled: false } });
      expect(stage.node.findChild('RecommendedAlarms').node.tryFindChild('IntegrationLatency')).toBeUndefined();
    },
    threshold: alarmSetting({ threshold: 99 }, { Threshold: 99 }),
    period: alarmSetting({ period: Duration.minutes(2) }, { Period: 120 }),
    evaluationPeriods: alarmSetting({ evaluationPeriods: 4 }, { EvaluationPeriods: 4 }),
    datapointsToAlarm: alarmSetting({ datapointsToAlarm: 2 }, { DatapointsToAlarm: 2 }),
    treatMissingData: alarmSetting({ treatMissingData: cloudwatch.TreatMissingData.IGNORE }, { TreatMissingData: 'ignore' }),
  },
  'cdk-websocket-stage.DashboardWidgetsOptions': {
    routeKey: () => {
      const widgets = newStage(newApi()).dashboardWidgets({ routeKey: 'send' });
      expect(JSON.stringify(widgets[0].toJson())).toContain('"Route","send"');
    },
    period: () => expect(JSON.stringify(newStage(newApi()).dashboardWidgets({ period: Duration.minutes(3) })[0].toJson())).toContain('"period":180'),
    width: () => expect(newStage(newApi()).dashboardWidgets({ width: 5 })[0].width).toBe(5),
    height: () => expect(newStage(newApi()).dashboardWidgets({ height: 5 })[0].height).toBe(5),
  },
  'aws-cdk-lib.aws_cloudwatch.MetricOptions': {
    account: metricOption({ account: '222222222222' }, (m) => expect(m.account).toBe('222222222222')),
    color: metricOption({ color: '#ff0000' }, (m) => expect(m.color).toBe('#ff0000')),
    dimensionsMap: metricOption({ dimensionsMap: { Extra: 'x' } }, (m) => expect(m.dimensions).toMatchObject({ Extra: 'x' })),
    id: metricOption({ id: 'm1' }, (m) => expect(m.id).toBe('m1')),
    label: metricOption({ label: 'Messages' }, (m) => expect(m.label).toBe('Messages')),
    period: metricOption({ period: Duration.minutes(2) }, (m) => expect(m.period.toSeconds()).toBe(120)),
    region: metricOption({ region: 'us-east-2' }, (m) => expect(m.region).toBe('us-east-2')),
    stackAccount: metricOption({ stackAccount: '333333333333' }, (m) => expect(m.account).toBe('333333333333')),
    stackRegion: metricOption({ stackRegion: 'ap-south-1' }, (m) => expect(m.region).toBe('ap-south-1')),
    statistic: metricOption({ statistic: 'p99' }, (m) => expect(m.statistic).toBe('p99')),
    unit: metricOption({ unit: cloudwatch.Unit.COUNT }, (m) => expect(m.unit).toBe('Count')),
    visible: metricOption({ visible: false }, (m) => expect(m.visible).toBe(false)),
  },
};

test('a row set covers every struct the public API takes, read from the jsii assemblies', () => {
  expect(Object.keys(STRUCT_ROWS).sort()).toEqual(inputStructs());
});

test.each(Object.keys(STRUCT_ROWS))('the rows of %s cover its every field', (fqn) => {
  expect(Object.keys(STRUCT_ROWS[fqn]).sort()).toEqual(structProperties(fqn));
});

test.each(Object.entries(STRUCT_ROWS).flatMap(([fqn, rows]) => Object.entries(rows).map(([field, row]) => [`${fqn.replace(/^.*\./, '')}.${field}`, row] as const)))(
  '%s, when set, shows where it should', (_field, row) => {
    row();
  });
