import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { WebSocketStage } from '../src';
import { apiFixture } from './fixtures';

function devStage() {
  const fixture = apiFixture();
  const stage = new WebSocketStage(fixture.stack, 'Stage', { webSocketApi: fixture.api, stageName: 'dev' });
  return { ...fixture, stage };
}

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
  test.each([
    ['metricConnectCount', 'ConnectCount', 'Sum'],
    ['metricMessageCount', 'MessageCount', 'Sum'],
    ['metricIntegrationError', 'IntegrationError', 'Sum'],
    ['metricClientError', 'ClientError', 'Sum'],
    ['metricExecutionError', 'ExecutionError', 'Sum'],
    ['metricIntegrationLatency', 'IntegrationLatency', 'Average'],
  ] as const)('%s is %s, %s over 5 minutes, for the stage', (method, metricName, statistic) => {
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
