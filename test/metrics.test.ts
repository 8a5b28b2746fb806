import { Duration } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { importStage, METRIC_HELPERS, newApi, newStack, newStage } from './fixtures';

test('a metric is in AWS/ApiGateway with the ApiId and Stage dimensions, Average over 5 minutes', () => {
  const api = newApi();
  const { stack } = api;
  const stage = newStage(api);
  const metric = stage.metric('MessageCount');

  expect(metric.namespace).toBe('AWS/ApiGateway');
  expect(metric.metricName).toBe('MessageCount');
  expect(metric.statistic).toBe('Average');
  expect(metric.period.toSeconds()).toBe(300);
  expect(stack.resolve(metric.dimensions)).toEqual({ ApiId: stack.resolve(api.apiId), Stage: 'dev' });
});

test('the options passed are honoured', () => {
  const stage = newStage(newApi());
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
  const api = newApi();
  const { stack } = api;
  const stage = newStage(api);
  const metric = stage.metric('MessageCount', { dimensionsMap: { Route: '$connect' } });

  expect(stack.resolve(metric.dimensions)).toEqual({ Route: '$connect', ApiId: stack.resolve(api.apiId), Stage: 'dev' });
});

test('fails when the dimensions passed point Stage at another stage, as for a conflicting Route', () => {
  const stage = newStage(newApi());

  expect(() => stage.metric('MessageCount', { dimensionsMap: { Stage: 'other' } })).toThrow(new Error(
    "S/Stage: dimensionsMap.Stage 'other' differs from this stage's, 'dev': leave Stage out, or ask the metric of the stage it names"));
  expect(() => stage.metricsForRoute('$connect').metricMessageCount({ dimensionsMap: { Stage: 'other' } }))
    .toThrow(/^S\/Stage: dimensionsMap\.Stage 'other' differs/);
});

test('fails when the dimensions passed point ApiId at another API', () => {
  const stage = newStage(apigwv2.WebSocketApi.fromWebSocketApiAttributes(newStack(), 'Api', { webSocketId: 'abc123' }));

  expect(() => stage.metricClientError({ dimensionsMap: { ApiId: 'other' } })).toThrow(new Error(
    "S/Stage: dimensionsMap.ApiId 'other' differs from this stage's, 'abc123': leave ApiId out, or ask the metric of the stage it names"));
});

test('fails when the dimensions passed point Route at another route, saying how to get that route', () => {
  const stage = newStage(newApi());

  expect(() => stage.metricsForRoute('$connect').metricMessageCount({ dimensionsMap: { Route: '$default' } })).toThrow(new Error(
    "S/Stage: dimensionsMap.Route '$default' differs from the route these metrics are for, '$connect': leave Route out, "
    + "or ask metricsForRoute('$default')"));
});

test("accepts the stage's own ApiId and Stage in the dimensions passed", () => {
  const api = newApi();
  const stage = newStage(api);
  const metric = stage.metric('MessageCount', { dimensionsMap: { ApiId: api.apiId, Stage: 'dev' } });

  expect(api.stack.resolve(metric.dimensions)).toEqual({ ApiId: api.stack.resolve(api.apiId), Stage: 'dev' });
});

describe('WebSocket metric helpers', () => {
  test.each(METRIC_HELPERS)('%s is %s, %s over 5 minutes, for the stage', (method, metricName, statistic) => {
    const api = newApi();
    const { stack } = api;
    const stage = newStage(api);
    const metric = stage[method]();

    expect(metric.namespace).toBe('AWS/ApiGateway');
    expect(metric.metricName).toBe(metricName);
    expect(metric.statistic).toBe(statistic);
    expect(metric.period.toSeconds()).toBe(300);
    expect(stack.resolve(metric.dimensions)).toEqual({ ApiId: stack.resolve(api.apiId), Stage: 'dev' });
  });

  test('options passed to a helper are honoured, the statistic included', () => {
    const api = newApi();
    const stage = newStage(api);
    const metric = stage.metricIntegrationLatency({ statistic: 'p99', period: Duration.minutes(1), label: 'p99 latency' });

    expect(metric.statistic).toBe('p99');
    expect(metric.period.toSeconds()).toBe(60);
    expect(metric.label).toBe('p99 latency');
  });

  test('an imported stage has the helpers', () => {
    const api = newApi();
    const { stack } = api;
    const imported = importStage(api, 'prod');

    expect(imported.metricMessageCount().statistic).toBe('Sum');
    expect(stack.resolve(imported.metricMessageCount().dimensions)).toEqual({ ApiId: stack.resolve(api.apiId), Stage: 'prod' });
  });
});
