import * as fs from 'fs';
import * as path from 'path';
import { Duration, Lazy } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { WebSocketMockIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { WebSocketStage, WebSocketStageProps } from '../src';
import { apiFixture } from './fixtures';

function devStage(props: Partial<WebSocketStageProps> = {}) {
  const fixture = apiFixture();
  const stage = new WebSocketStage(fixture.stack, 'Stage', { webSocketApi: fixture.api, stageName: 'dev', ...props });
  return { ...fixture, stage };
}

const HELPERS = [
  ['metricConnectCount', 'ConnectCount', 'Sum'],
  ['metricMessageCount', 'MessageCount', 'Sum'],
  ['metricIntegrationError', 'IntegrationError', 'Sum'],
  ['metricClientError', 'ClientError', 'Sum'],
  ['metricExecutionError', 'ExecutionError', 'Sum'],
  ['metricIntegrationLatency', 'IntegrationLatency', 'Average'],
] as const;

test('a metric is in AWS/ApiGateway with the ApiId and Stage dimensions, Average over 5 minutes', () => {
  const { stack, stage } = devStage();
  const metric = stage.metric('MessageCount');

  expect(metric.namespace).toBe('AWS/ApiGateway');
  expect(metric.metricName).toBe('MessageCount');
  expect(metric.statistic).toBe('Average');
  expect(metric.period.toSeconds()).toBe(300);
  expect(stack.resolve(metric.dimensions)).toEqual({ ApiId: { Ref: 'ApiF70053CD' }, Stage: 'dev' });
});

test('the options passed are honoured', () => {
  const { stage } = devStage();
  const metric = stage.metric('ConnectCount', {
    statistic: cloudwatch.Stats.SUM,
    period: Duration.minutes(1),
    label: 'Connections',
    unit: cloudwatch.Unit.COUNT,
  });

  expect(metric.statistic).toBe('Sum');
  expect(metric.period.toSeconds()).toBe(60);
  expect(metric.label).toBe('Connections');
  expect(metric.unit).toBe(cloudwatch.Unit.COUNT);
});

test('dimensions passed are kept, with ApiId and Stage added', () => {
  const { stack, stage } = devStage();
  const metric = stage.metric('MessageCount', { dimensionsMap: { Route: '$connect' } });

  expect(stack.resolve(metric.dimensions)).toEqual({ Route: '$connect', ApiId: { Ref: 'ApiF70053CD' }, Stage: 'dev' });
});

test('ApiId and Stage cannot be pointed at another stage by the dimensions passed', () => {
  const { stack, stage } = devStage();
  const metric = stage.metric('MessageCount', { dimensionsMap: { Stage: 'other' } });

  expect(stack.resolve(metric.dimensions)).toEqual({ ApiId: { Ref: 'ApiF70053CD' }, Stage: 'dev' });
});

describe('WebSocket metric helpers', () => {
  test.each(HELPERS)('%s is %s, %s over 5 minutes, for the stage', (method, metricName, statistic) => {
    const { stack, stage } = devStage();
    const metric = stage[method]();

    expect(metric.namespace).toBe('AWS/ApiGateway');
    expect(metric.metricName).toBe(metricName);
    expect(metric.statistic).toBe(statistic);
    expect(metric.period.toSeconds()).toBe(300);
    expect(stack.resolve(metric.dimensions)).toEqual({ ApiId: { Ref: 'ApiF70053CD' }, Stage: 'dev' });
  });

  test('options passed to a helper are honoured, the statistic included', () => {
    const { stage } = devStage();
    const metric = stage.metricIntegrationLatency({ statistic: 'p99', period: Duration.minutes(1), label: 'p99 latency' });

    expect(metric.statistic).toBe('p99');
    expect(metric.period.toSeconds()).toBe(60);
    expect(metric.label).toBe('p99 latency');
  });

  test('an imported stage has the helpers', () => {
    const { stack, api } = apiFixture();
    const imported = WebSocketStage.fromWebSocketStageAttributes(stack, 'Imported', { api, stageName: 'prod' });

    expect(imported.metricMessageCount().statistic).toBe('Sum');
    expect(stack.resolve(imported.metricMessageCount().dimensions)).toEqual({ ApiId: { Ref: 'ApiF70053CD' }, Stage: 'prod' });
  });
});

describe('per-route metrics', () => {
  const DETAILED = { detailedMetricsEnabled: true };
  // aws-cdk-lib ships AWS's CloudWatch metric metadata as canned metrics: the per-route set is ApiId, Stage, Route.
  const canned = fs.readFileSync(path.join(path.dirname(require.resolve('aws-cdk-lib/package.json')),
    'aws-apigatewayv2/lib/apigatewayv2-canned-metrics.generated.d.ts'), 'utf8');

  test.each(HELPERS)('%s of a route is %s, %s, with the Route dimension', (method, metricName, statistic) => {
    const { stack, stage } = devStage(DETAILED);
    const metric = stage.metricsForRoute('sendmessage')[method]();

    expect(metric.namespace).toBe('AWS/ApiGateway');
    expect(metric.metricName).toBe(metricName);
    expect(metric.statistic).toBe(statistic);
    expect(metric.period.toSeconds()).toBe(300);
    expect(stack.resolve(metric.dimensions)).toEqual({ ApiId: { Ref: 'ApiF70053CD' }, Stage: 'dev', Route: 'sendmessage' });
  });

  test.each(HELPERS)('the dimensions of %s per route are those AWS metric metadata gives %s', (method, metricName) => {
    const helperName = `${metricName.charAt(0).toLowerCase()}${metricName.slice(1)}`;
    const dimensionSets = [...canned.matchAll(new RegExp(`static ${helperName}(?:Sum|Average)\\(this: void, dimensions: \\{([^}]*)\\}`, 'g'))]
      .map((match) => match[1].split(';').map((field) => field.split(':')[0].trim()).filter(Boolean).sort().join(','));
    const { stack, stage } = devStage(DETAILED);
    const dimensions = Object.keys(stack.resolve(stage.metricsForRoute('sendmessage')[method]().dimensions)).sort().join(',');

    expect(dimensions).toBe('ApiId,Route,Stage');
    expect(dimensionSets).toContain(dimensions);
  });

  test('metric() of a route adds the Route dimension to the ones passed, and honours the options', () => {
    const { stack, stage } = devStage(DETAILED);
    const routeMetrics = stage.metricsForRoute('$default');
    const metric = routeMetrics.metric('MessageCount', { dimensionsMap: { Extra: 'x' }, statistic: 'Sum', period: Duration.minutes(1) });

    expect(routeMetrics.routeKey).toBe('$default');
    expect(metric.statistic).toBe('Sum');
    expect(metric.period.toSeconds()).toBe(60);
    expect(stack.resolve(metric.dimensions)).toEqual({ Extra: 'x', ApiId: { Ref: 'ApiF70053CD' }, Stage: 'dev', Route: '$default' });
  });

  test('options passed to a route helper are honoured, the statistic included', () => {
    const { stage } = devStage(DETAILED);
    const metric = stage.metricsForRoute('sendmessage').metricIntegrationLatency({ statistic: 'p99', label: 'p99' });

    expect(metric.statistic).toBe('p99');
    expect(metric.label).toBe('p99');
  });

  test('an imported stage has per-route metrics, without warnings', () => {
    const { stack, api } = apiFixture();
    const imported = WebSocketStage.fromWebSocketStageAttributes(stack, 'Imported', { api, stageName: 'prod' });

    expect(stack.resolve(imported.metricsForRoute('$connect').metricConnectCount().dimensions))
      .toEqual({ ApiId: { Ref: 'ApiF70053CD' }, Stage: 'prod', Route: '$connect' });
    Annotations.fromStack(stack).hasNoWarning('*', Match.anyValue());
  });

  test('a Route dimension that names the same route is accepted', () => {
    const { stack, stage } = devStage(DETAILED);
    const metric = stage.metricsForRoute('a').metricMessageCount({ dimensionsMap: { Route: 'a' } });

    expect(stack.resolve(metric.dimensions)).toEqual({ ApiId: { Ref: 'ApiF70053CD' }, Stage: 'dev', Route: 'a' });
  });

  test('fails when a Route dimension names another route', () => {
    const { stage } = devStage(DETAILED);

    expect(() => stage.metricsForRoute('a').metricMessageCount({ dimensionsMap: { Route: 'b' } }))
      .toThrow("dimensionsMap.Route 'b' differs from the route these metrics are for, 'a': leave Route out, or ask metricsForRoute('b')");
  });

  test.each([
    ['', "metricsForRoute routeKey must not be empty (got '')"],
    ['$connnect', "metricsForRoute routeKey must be $connect, $disconnect, $default or a custom key that does not start with $ (got '$connnect')"],
  ])('fails on route key %p', (routeKey, message) => {
    const { stage } = devStage(DETAILED);

    expect(() => stage.metricsForRoute(routeKey)).toThrow(message);
  });

  test('a route key that is a token is accepted, and not checked for detailed metrics', () => {
    const { stack, stage } = devStage();
    const metric = stage.metricsForRoute(Lazy.string({ produce: () => '$unknown' })).metricMessageCount();

    expect(stack.resolve(metric.dimensions)).toEqual(expect.objectContaining({ Route: '$unknown' }));
    Annotations.fromStack(stack).hasNoWarning('*', Match.anyValue());
  });

  describe('detailed metrics warning', () => {
    const WARNING = "^metricsForRoute\\('sendmessage'\\) was called, but the route does not have detailedMetricsEnabled";

    test('warns when neither the stage nor the route has detailed metrics', () => {
      const { stack, stage } = devStage();
      stage.metricsForRoute('sendmessage');

      Annotations.fromStack(stack).hasWarning('/S/Stage', Match.stringLikeRegexp(WARNING));
    });

    test('warns when the route turns off what the stage turns on', () => {
      const { stack, stage } = devStage({ ...DETAILED, routeSettings: { sendmessage: { detailedMetricsEnabled: false } } });
      stage.metricsForRoute('sendmessage');

      Annotations.fromStack(stack).hasWarning('/S/Stage', Match.stringLikeRegexp(WARNING));
    });

    test.each([
      ['the stage', DETAILED],
      ['the route', { routeSettings: { sendmessage: DETAILED } }],
    ])('does not warn when %s has detailed metrics', (_where, props) => {
      const { stack, stage } = devStage(props);
      stage.metricsForRoute('sendmessage');

      Annotations.fromStack(stack).hasNoWarning('/S/Stage', Match.stringLikeRegexp('detailedMetricsEnabled'));
    });

    test('settings added after the metrics count', () => {
      const { stack, stage } = devStage();
      stage.metricsForRoute('sendmessage');
      stage.addRouteSettings('sendmessage', DETAILED);

      Annotations.fromStack(stack).hasNoWarning('/S/Stage', Match.stringLikeRegexp('detailedMetricsEnabled'));
    });

    test('stage-wide metrics do not warn', () => {
      const { stack, stage } = devStage();
      stage.metricMessageCount();

      Annotations.fromStack(stack).hasNoWarning('/S/Stage', Match.anyValue());
    });
  });

  test('warns when the route key matches no route of an API with routes', () => {
    const { stack, api, stage } = devStage(DETAILED);
    api.addRoute('sendmessage', { integration: new WebSocketMockIntegration('Mock') });
    stage.metricsForRoute('sendmesage');
    stage.metricsForRoute('sendmessage');

    const warnings = Annotations.fromStack(stack).findWarning('/S/Stage', Match.stringLikeRegexp('matches no route'));
    expect(warnings.map((warning) => warning.entry.data)).toEqual([
      expect.stringMatching(/^metricsForRoute\('sendmesage'\) matches no route of the API \(routes: sendmessage\)/),
    ]);
  });
});
