import { Duration, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cw_actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as sns from 'aws-cdk-lib/aws-sns';
import { addRoute, deployTimeNumber, deployTimeString, errorNaming, importStage, newApi, newStage } from './fixtures';

// AWS's values, from the CloudWatch user guide's "Recommended alarms" page, Amazon API Gateway section:
// https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Best_Practice_Recommended_Alarms_AWS_Services.html#ApiGateway
const AWS_RECOMMENDED = {
  ClientError: { Statistic: 'Average', Threshold: 0.05, Period: 60, EvaluationPeriods: 5, DatapointsToAlarm: 5, ComparisonOperator: 'GreaterThanThreshold' },
  ExecutionError: { Statistic: 'Average', Threshold: 0.05, Period: 60, EvaluationPeriods: 3, DatapointsToAlarm: 3, ComparisonOperator: 'GreaterThanThreshold' },
  IntegrationLatency: { ExtendedStatistic: 'p90', Threshold: 2000, Period: 60, EvaluationPeriods: 5, DatapointsToAlarm: 5, ComparisonOperator: 'GreaterThanOrEqualToThreshold' },
  MessageCount: { Statistic: 'SampleCount', Period: 60, EvaluationPeriods: 10, DatapointsToAlarm: 10, ComparisonOperator: 'LessThanThreshold' },
} as const;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- template JSON
function alarmsOf(stack: Stack): Record<string, Record<string, any>> {
  const alarms = Template.fromStack(stack).findResources('AWS::CloudWatch::Alarm');
  return Object.fromEntries(Object.values(alarms).map((alarm) => [alarm.Properties.MetricName, alarm.Properties]));
}

test.each(Object.entries(AWS_RECOMMENDED).filter(([name]) => name !== 'MessageCount'))('the %s alarm has AWS\'s recommended values', (metricName, values) => {
  const api = newApi();
  const { stack } = api;
  newStage(api).addRecommendedAlarms();

  expect(alarmsOf(stack)[metricName]).toEqual(expect.objectContaining({
    ...values,
    Namespace: 'AWS/ApiGateway',
    Dimensions: [{ Name: 'ApiId', Value: stack.resolve(api.apiId) }, { Name: 'Stage', Value: 'dev' }],
    TreatMissingData: 'notBreaching',
    AlarmDescription: expect.stringMatching(/\. (Look|Compare|Check) /),
  }));
});

test('by default the stage gets the ClientError, ExecutionError and IntegrationLatency alarms, in that order, and no MessageCount alarm', () => {
  const stage = newStage(newApi());
  const alarms = stage.addRecommendedAlarms();

  expect(alarms.map((alarm) => alarm.node.path)).toEqual(['ClientError', 'ExecutionError', 'IntegrationLatency']
    .map((id) => `S/Stage/RecommendedAlarms/${id}`));
  Template.fromStack(stage.stack).resourceCountIs('AWS::CloudWatch::Alarm', 3);
});

test('the MessageCount alarm, when enabled, has AWS\'s values, threshold 1, and counts missing data as breaching', () => {
  const stage = newStage(newApi());
  stage.addRecommendedAlarms({ messageCount: { enabled: true } });

  expect(alarmsOf(stage.stack).MessageCount).toEqual(expect.objectContaining({
    ...AWS_RECOMMENDED.MessageCount, Threshold: 1, TreatMissingData: 'breaching',
  }));
});

test('a MessageCount threshold alone enables the alarm', () => {
  const stage = newStage(newApi());
  const alarms = stage.addRecommendedAlarms({ messageCount: { threshold: 100 } });

  expect(alarms).toHaveLength(4);
  expect(alarmsOf(stage.stack).MessageCount.Threshold).toBe(100);
});

test('the actions are added to every alarm', () => {
  const stage = newStage(newApi());
  const topic = new sns.Topic(stage.stack, 'Topic');
  stage.addRecommendedAlarms({ actions: [new cw_actions.SnsAction(topic)], messageCount: { enabled: true } });

  const alarms = Object.values(alarmsOf(stage.stack));
  expect(alarms).toHaveLength(4);
  alarms.forEach((alarm) => expect(alarm.AlarmActions).toEqual([stage.stack.resolve(topic.topicArn)]));
});

test('without actions the alarms have none', () => {
  const stage = newStage(newApi());
  stage.addRecommendedAlarms();

  Object.values(alarmsOf(stage.stack)).forEach((alarm) => expect(alarm.AlarmActions).toBeUndefined());
});

test('each alarm can be tuned: threshold, period, evaluation periods, datapoints and missing data', () => {
  const stage = newStage(newApi());
  stage.addRecommendedAlarms({
    integrationLatency: {
      threshold: 500, period: Duration.minutes(5), evaluationPeriods: 4, datapointsToAlarm: 2,
      treatMissingData: cloudwatch.TreatMissingData.IGNORE,
    },
  });

  const alarms = alarmsOf(stage.stack);
  expect(alarms.IntegrationLatency).toEqual(expect.objectContaining({
    Threshold: 500, Period: 300, EvaluationPeriods: 4, DatapointsToAlarm: 2, TreatMissingData: 'ignore', ExtendedStatistic: 'p90',
  }));
  expect(alarms.ClientError).toEqual(expect.objectContaining(AWS_RECOMMENDED.ClientError));
});

test('evaluation periods alone move the datapoints with them', () => {
  const stage = newStage(newApi());
  stage.addRecommendedAlarms({ clientError: { evaluationPeriods: 8 } });

  expect(alarmsOf(stage.stack).ClientError).toEqual(expect.objectContaining({ EvaluationPeriods: 8, DatapointsToAlarm: 8 }));
});

test('each alarm can be left out', () => {
  const stage = newStage(newApi());
  const alarms = stage.addRecommendedAlarms({ clientError: { enabled: false }, integrationLatency: { enabled: false } });

  expect(alarms.map((alarm) => alarm.node.id)).toEqual(['ExecutionError']);
  expect(Object.keys(alarmsOf(stage.stack))).toEqual(['ExecutionError']);
});

test('an imported stage gets the alarms, under its own construct', () => {
  const api = newApi();
  const { stack } = api;
  const imported = importStage(api, 'prod');
  const alarms = imported.addRecommendedAlarms();

  expect(alarms[0].node.path).toBe('S/Imported/RecommendedAlarms/ClientError');
  expect(alarmsOf(stack).ClientError.Dimensions).toEqual([{ Name: 'ApiId', Value: stack.resolve(api.apiId) }, { Name: 'Stage', Value: 'prod' }]);
});

test('per route, the IntegrationLatency (and MessageCount) alarms carry the Route dimension, under Route-{routeKey}', () => {
  const api = newApi();
  addRoute(api, 'sendmessage');
  const stage = newStage(api, { routeSettings: { sendmessage: { detailedMetricsEnabled: true } } });
  const alarms = stage.addRecommendedAlarms({ routeKey: 'sendmessage', messageCount: { threshold: 10 } });

  expect(alarms.map((alarm) => alarm.node.path)).toEqual(['IntegrationLatency', 'MessageCount']
    .map((id) => `S/Stage/RecommendedAlarms/Route-sendmessage/${id}`));
  expect(alarmsOf(stage.stack).IntegrationLatency.Dimensions).toContainEqual({ Name: 'Route', Value: 'sendmessage' });
  Annotations.fromStack(stage.stack).hasNoWarning('*', Match.anyValue());
});

test('route keys that construct ids would confuse get ids of their own: / is written %2F and % is written %25', () => {
  const stage = newStage(newApi(), { detailedMetricsEnabled: true });
  const keys = ['a/b', 'a--b', 'a%2Fb', 'a%b', '%', '/', 'a/b/c', '%%'];
  const ids = keys.map((routeKey) => stage.addRecommendedAlarms({ routeKey })[0].node.scope!.node.id);

  expect(ids).toEqual(['Route-a%2Fb', 'Route-a--b', 'Route-a%252Fb', 'Route-a%25b', 'Route-%25', 'Route-%2F', 'Route-a%2Fb%2Fc', 'Route-%25%25']);
  // Reversible: undoing the escapes in the opposite order gives the route key back.
  expect(ids.map((id) => id.slice('Route-'.length).replace(/%2F/g, '/').replace(/%25/g, '%'))).toEqual(keys);
  expect(Object.keys(Template.fromStack(stage.stack).findResources('AWS::CloudWatch::Alarm'))).toHaveLength(keys.length);
});

test('the stage and each route take one call each', () => {
  const api = newApi();
  addRoute(api, 'a');
  const stage = newStage(api, { detailedMetricsEnabled: true });
  stage.addRecommendedAlarms();
  stage.addRecommendedAlarms({ routeKey: 'a' });

  expect(() => stage.addRecommendedAlarms({ clientError: { threshold: 0.1 } }))
    .toThrow(/^S\/Stage: addRecommendedAlarms was already called for this stage: call it once/);
  expect(() => stage.addRecommendedAlarms({ routeKey: 'a' })).toThrow(/^S\/Stage: addRecommendedAlarms was already called for route 'a'/);
});

test('a second call is refused even when the first left every alarm out', () => {
  const stage = newStage(newApi());
  expect(stage.addRecommendedAlarms({ clientError: { enabled: false }, executionError: { enabled: false }, integrationLatency: { enabled: false } })).toEqual([]);

  expect(() => stage.addRecommendedAlarms()).toThrow(/already called for this stage/);
});

test('per route, a stage-only alarm is refused', () => {
  const stage = newStage(newApi(), { detailedMetricsEnabled: true });

  expect(() => stage.addRecommendedAlarms({ routeKey: 'a', clientError: { threshold: 0.1 } }))
    .toThrow(errorNaming('clientError', 'a'));
  expect(stage.node.tryFindChild('RecommendedAlarms')).toBeUndefined();
});

test('a bad route key fails with the path and creates nothing', () => {
  const stage = newStage(newApi());

  expect(() => stage.addRecommendedAlarms({ routeKey: '$connnect' })).toThrow(errorNaming('metricsForRoute routeKey', '$connnect'));
  expect(stage.node.tryFindChild('RecommendedAlarms')).toBeUndefined();
});

test('fails when a route key is only known at deploy time: it names construct ids', () => {
  const stage = newStage(newApi());
  const routeKey = deployTimeString(stage.stack, 'Route');

  expect(() => stage.addRecommendedAlarms({ routeKey })).toThrow(/^S\/Stage: addRecommendedAlarms routeKey must be known at synthesis/);
});

test.each([
  ['evaluationPeriods', { clientError: { evaluationPeriods: 0 } }, 'clientError.evaluationPeriods', 0],
  ['evaluationPeriods', { clientError: { evaluationPeriods: 2.5 } }, 'clientError.evaluationPeriods', 2.5],
  ['datapointsToAlarm', { executionError: { datapointsToAlarm: 4 } }, 'executionError.datapointsToAlarm', 4],
  ['datapointsToAlarm', { executionError: { evaluationPeriods: 6, datapointsToAlarm: 7 } }, 'executionError.datapointsToAlarm', 7],
  ['datapointsToAlarm', { executionError: { evaluationPeriods: 3, datapointsToAlarm: 1.5 } }, 'executionError.datapointsToAlarm', 1.5],
  ['period', { integrationLatency: { period: Duration.seconds(45) } }, 'integrationLatency.period', '45 seconds'],
  ['period', { integrationLatency: { period: Duration.seconds(5) } }, 'integrationLatency.period', '5 seconds'],
  // CloudWatch takes 10, 20 and 30 s, but API Gateway publishes once a minute: such alarms would never get data.
  ['period', { integrationLatency: { period: Duration.seconds(10) } }, 'integrationLatency.period', '10 seconds'],
  ['period', { integrationLatency: { period: Duration.seconds(20) } }, 'integrationLatency.period', '20 seconds'],
  ['period', { integrationLatency: { period: Duration.seconds(30) } }, 'integrationLatency.period', '30 seconds'],
  ['period', { integrationLatency: { period: Duration.millis(1500) } }, 'integrationLatency.period', '1 second 500 millis'],
  ['period', { integrationLatency: { period: Duration.seconds(0) } }, 'integrationLatency.period', '0 seconds'],
  ['evaluation time', { integrationLatency: { period: Duration.minutes(30), evaluationPeriods: 49 } }, 'integrationLatency.evaluationPeriods', '49 x 30 minutes'],
  ['evaluation time', { integrationLatency: { period: Duration.hours(1), evaluationPeriods: 169 } }, 'integrationLatency.evaluationPeriods', '169 x 1 hour'],
  ['evaluation time', { integrationLatency: { period: Duration.days(1), evaluationPeriods: 8 } }, 'integrationLatency.evaluationPeriods', '8 x 1 day'],
  ['threshold', { clientError: { threshold: NaN } }, 'clientError.threshold', NaN],
])('fails on a bad %s, before creating any alarm', (_what, options, prop, value) => {
  const stage = newStage(newApi());

  expect(() => stage.addRecommendedAlarms(options)).toThrow(errorNaming(prop, value));
  expect(stage.node.tryFindChild('RecommendedAlarms')).toBeUndefined();
});

test('whole minutes are accepted, a day of periods under an hour, and 7 days of longer ones', () => {
  const stage = newStage(newApi());
  const alarms = stage.addRecommendedAlarms({
    clientError: { period: Duration.minutes(59), evaluationPeriods: 24 }, // 23.6 hours
    executionError: { period: Duration.hours(1), evaluationPeriods: 168 },
    integrationLatency: { period: Duration.minutes(2), evaluationPeriods: 720 },
  });

  expect(alarms).toHaveLength(3);
  expect(newStage(newApi()).addRecommendedAlarms({ clientError: { period: Duration.days(1), evaluationPeriods: 7 } })).toHaveLength(3);
});

test('values known only at deploy time are not checked', () => {
  const stage = newStage(newApi());
  const alarms = stage.addRecommendedAlarms({
    clientError: { evaluationPeriods: deployTimeNumber(stage.stack, 'N'), datapointsToAlarm: 9 },
    executionError: { threshold: deployTimeNumber(stage.stack, 'Threshold'), datapointsToAlarm: 2 },
  });

  expect(alarms).toHaveLength(3);
});

test('fails on misspelt or mistyped options from JavaScript', () => {
  const stage = newStage(newApi());

  expect(() => stage.addRecommendedAlarms({ clientErrors: {} } as never)).toThrow(errorNaming('addRecommendedAlarms options key', 'clientErrors'));
  expect(() => stage.addRecommendedAlarms({ clientError: { treshold: 1 } } as never)).toThrow(errorNaming('clientError key', 'treshold'));
  expect(() => stage.addRecommendedAlarms({ clientError: { enabled: 'no' } } as never)).toThrow(errorNaming('clientError.enabled', 'no'));
  expect(() => stage.addRecommendedAlarms({ actions: {} } as never)).toThrow(errorNaming('actions', '[object Object]'));
});

describe('option errors say the rule', () => {
  test.each([
    ['a period that is not whole minutes', { integrationLatency: { period: Duration.seconds(90) } },
      'S/Stage: integrationLatency.period must be a whole number of minutes: API Gateway publishes its metrics once a minute, '
      + "so a shorter period would wait on data that never comes (got '1 minute 30 seconds')"],
    ['a period under a minute', { clientError: { period: Duration.seconds(20) } },
      'S/Stage: clientError.period must be a whole number of minutes: API Gateway publishes its metrics once a minute, '
      + "so a shorter period would wait on data that never comes (got '20 seconds')"],
    ['more than a day of periods under an hour', { integrationLatency: { period: Duration.minutes(30), evaluationPeriods: 49 } },
      'S/Stage: integrationLatency.evaluationPeriods times the period must be at most one day for periods under an hour, '
      + "CloudWatch's limit on an alarm's evaluation (got '49 x 30 minutes')"],
    ['more than 7 days of periods of an hour or more', { integrationLatency: { period: Duration.hours(1), evaluationPeriods: 169 } },
      "S/Stage: integrationLatency.evaluationPeriods times the period must be at most 7 days, CloudWatch's limit on an alarm's "
      + "evaluation (got '169 x 1 hour')"],
    ['a per-stage alarm for a route', { routeKey: 'sendmessage', clientError: { threshold: 0.1 } },
      "S/Stage: clientError is an alarm AWS recommends per stage only: leave it out when routeKey is given (got 'sendmessage')"],
    ['actions that are not an array', { actions: 'topic' }, "S/Stage: actions must be an array of alarm actions (got 'topic')"],
    ['a threshold that is not a number', { clientError: { threshold: 'high' } }, "S/Stage: clientError.threshold must be a number (got 'high')"],
  ])('on %s', (_what, options, message) => {
    const api = newApi();
    addRoute(api, 'sendmessage');
    const stage = newStage(api, { detailedMetricsEnabled: true });

    expect(() => stage.addRecommendedAlarms(options as never)).toThrow(message);
  });

  test('on options that are not an object', () => {
    expect(() => newStage(newApi()).addRecommendedAlarms('all' as never))
      .toThrow("S/Stage: addRecommendedAlarms options must be an object (got 'all')");
  });
});

test('periods of an hour or more may be evaluated over more than a day', () => {
  const stage = newStage(newApi());

  expect(stage.addRecommendedAlarms({ integrationLatency: { period: Duration.hours(1), evaluationPeriods: 48 } })).toHaveLength(3);
});
