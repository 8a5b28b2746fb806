import * as fs from 'fs';
import * as path from 'path';
import { Duration, Lazy } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { addRoute, errorNaming, importStage, METRIC_HELPERS, newApi, newStage } from './fixtures';

const DETAILED = { detailedMetricsEnabled: true };
// aws-cdk-lib ships AWS's CloudWatch metric metadata as canned metrics: the per-route set is ApiId, Stage, Route.
const canned = fs.readFileSync(path.join(path.dirname(require.resolve('aws-cdk-lib/package.json')),
  'aws-apigatewayv2/lib/apigatewayv2-canned-metrics.generated.d.ts'), 'utf8');

test.each(METRIC_HELPERS)('%s of a route is %s, %s, with the Route dimension', (method, metricName, statistic) => {
  const api = newApi();
  const { stack } = api;
  const stage = newStage(api, DETAILED);
  const metric = stage.metricsForRoute('sendmessage')[method]();

  expect(metric.namespace).toBe('AWS/ApiGateway');
  expect(metric.metricName).toBe(metricName);
  expect(metric.statistic).toBe(statistic);
  expect(metric.period.toSeconds()).toBe(300);
  expect(stack.resolve(metric.dimensions)).toEqual({ ApiId: stack.resolve(api.apiId), Stage: 'dev', Route: 'sendmessage' });
});

test.each(METRIC_HELPERS)('the dimensions of %s per route are those AWS metric metadata gives %s', (method, metricName) => {
  const helperName = `${metricName.charAt(0).toLowerCase()}${metricName.slice(1)}`;
  const dimensionSets = [...canned.matchAll(new RegExp(`static ${helperName}(?:Sum|Average)\\(this: void, dimensions: \\{([^}]*)\\}`, 'g'))]
    .map((match) => match[1].split(';').map((field) => field.split(':')[0].trim()).filter(Boolean).sort().join(','));
  const stage = newStage(newApi(), DETAILED);
  const { stack } = stage;
  const dimensions = Object.keys(stack.resolve(stage.metricsForRoute('sendmessage')[method]().dimensions)).sort().join(',');

  expect(dimensions).toBe('ApiId,Route,Stage');
  expect(dimensionSets).toContain(dimensions);
});

test('metric() of a route adds the Route dimension to the ones passed, and honours the options', () => {
  const api = newApi();
  const { stack } = api;
  const stage = newStage(api, DETAILED);
  const routeMetrics = stage.metricsForRoute('$default');
  const metric = routeMetrics.metric('MessageCount', { dimensionsMap: { Extra: 'x' }, statistic: 'Sum', period: Duration.minutes(1) });

  expect(routeMetrics.routeKey).toBe('$default');
  expect(metric.statistic).toBe('Sum');
  expect(metric.period.toSeconds()).toBe(60);
  expect(stack.resolve(metric.dimensions)).toEqual({ Extra: 'x', ApiId: stack.resolve(api.apiId), Stage: 'dev', Route: '$default' });
});

test('options passed to a route helper are honoured, the statistic included', () => {
  const stage = newStage(newApi(), DETAILED);
  const metric = stage.metricsForRoute('sendmessage').metricIntegrationLatency({ statistic: 'p99', label: 'p99' });

  expect(metric.statistic).toBe('p99');
  expect(metric.label).toBe('p99');
});

test('an imported stage has per-route metrics, without warnings', () => {
  const api = newApi();
  const { stack } = api;
  const imported = importStage(api, 'prod');

  expect(stack.resolve(imported.metricsForRoute('$connect').metricConnectCount().dimensions))
    .toEqual({ ApiId: stack.resolve(api.apiId), Stage: 'prod', Route: '$connect' });
  Annotations.fromStack(stack).hasNoWarning('*', Match.anyValue());
});

test('a Route dimension that names the same route is accepted', () => {
  const api = newApi();
  const { stack } = api;
  const stage = newStage(api, DETAILED);
  const metric = stage.metricsForRoute('a').metricMessageCount({ dimensionsMap: { Route: 'a' } });

  expect(stack.resolve(metric.dimensions)).toEqual({ ApiId: stack.resolve(api.apiId), Stage: 'dev', Route: 'a' });
});

test('fails when a Route dimension names another route', () => {
  const stage = newStage(newApi(), DETAILED);

  expect(() => stage.metricsForRoute('a').metricMessageCount({ dimensionsMap: { Route: 'b' } }))
    .toThrow(/^S\/Stage: dimensionsMap\.Route 'b' .*'a'/);
});

test.each(['', '$connnect'])('fails on route key %p', (routeKey) => {
  const stage = newStage(newApi(), DETAILED);

  expect(() => stage.metricsForRoute(routeKey)).toThrow(errorNaming('metricsForRoute routeKey', routeKey));
});

test('a route key that is a token is accepted, and not checked for detailed metrics', () => {
  const stage = newStage(newApi());
  const { stack } = stage;
  const metric = stage.metricsForRoute(Lazy.string({ produce: () => '$unknown' })).metricMessageCount();

  expect(stack.resolve(metric.dimensions)).toEqual(expect.objectContaining({ Route: '$unknown' }));
  Annotations.fromStack(stack).hasNoWarning('*', Match.anyValue());
});

describe('detailed metrics warning', () => {
  const WARNING = "^metricsForRoute\\('sendmessage'\\) .*detailedMetricsEnabled";

  test('warns when neither the stage nor the route has detailed metrics', () => {
    const api = newApi();
    const { stack } = api;
    const stage = newStage(api);
    stage.metricsForRoute('sendmessage');

    Annotations.fromStack(stack).hasWarning('/S/Stage', Match.stringLikeRegexp(WARNING));
  });

  test('warns when the route turns off what the stage turns on', () => {
    const api = newApi();
    const { stack } = api;
    const stage = newStage(api, { ...DETAILED, routeSettings: { sendmessage: { detailedMetricsEnabled: false } } });
    stage.metricsForRoute('sendmessage');

    Annotations.fromStack(stack).hasWarning('/S/Stage', Match.stringLikeRegexp(WARNING));
  });

  test.each([
    ['the stage', DETAILED],
    ['the route', { routeSettings: { sendmessage: DETAILED } }],
  ])('does not warn when %s has detailed metrics', (_where, props) => {
    const api = newApi();
    const { stack } = api;
    const stage = newStage(api, props);
    stage.metricsForRoute('sendmessage');

    Annotations.fromStack(stack).hasNoWarning('/S/Stage', Match.stringLikeRegexp('detailedMetricsEnabled'));
  });

  test('settings added after the metrics count', () => {
    const api = newApi();
    const { stack } = api;
    const stage = newStage(api);
    stage.metricsForRoute('sendmessage');
    stage.addRouteSettings('sendmessage', DETAILED);

    Annotations.fromStack(stack).hasNoWarning('/S/Stage', Match.stringLikeRegexp('detailedMetricsEnabled'));
  });

  test('stage-wide metrics do not warn', () => {
    const api = newApi();
    const { stack } = api;
    const stage = newStage(api);
    stage.metricMessageCount();

    Annotations.fromStack(stack).hasNoWarning('/S/Stage', Match.anyValue());
  });
});

test('warns when the route key matches no route of an API with routes', () => {
  const api = newApi();
  const { stack } = api;
  const stage = newStage(api, DETAILED);
  addRoute(api, 'sendmessage');
  stage.metricsForRoute('sendmesage');
  stage.metricsForRoute('sendmessage');

  const warnings = Annotations.fromStack(stack).findWarning('/S/Stage', Match.anyValue());
  expect(warnings.map((warning) => warning.entry.data)).toEqual([
    expect.stringMatching(/^metricsForRoute\('sendmesage'\) .*sendmessage/),
  ]);
});
