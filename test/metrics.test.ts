import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { importStage, METRIC_HELPERS, newApi, newStage } from './fixtures';

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

test('ApiId and Stage cannot be pointed at another stage by the dimensions passed', () => {
  const api = newApi();
  const { stack } = api;
  const stage = newStage(api);
  const metric = stage.metric('MessageCount', { dimensionsMap: { Stage: 'other' } });

  expect(stack.resolve(metric.dimensions)).toEqual({ ApiId: stack.resolve(api.apiId), Stage: 'dev' });
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
