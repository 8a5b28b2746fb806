import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { Duration, Token } from 'aws-cdk-lib/core';
import { Construct } from 'constructs';
import { IWebSocketMetrics } from './metrics';
import { checkKnownKeys, checkNumber, checkType, invalidInput, keysOf } from './validation';

/**
 * How one recommended alarm differs from its defaults (AWS's recommendation, or this library's choice where AWS leaves
 * a value open), or that it is left out. Every field left out keeps its default.
 */
export interface RecommendedAlarmSettings {
  /**
   * Whether to create the alarm.
   *
   * @default true, except for `messageCount`, which is created only when it is enabled or given a threshold
   */
  readonly enabled?: boolean;

  /**
   * The value the statistic is compared with.
   *
   * @default - the alarm's threshold in the README's "Recommended alarms" table
   */
  readonly threshold?: number;

  /**
   * The period of the statistic: a whole number of minutes. API Gateway publishes its metrics once a minute, so
   * the 10, 20 and 30 seconds CloudWatch also takes, meant for high-resolution metrics, would wait on data that
   * never comes. `period` times `evaluationPeriods` is at most a day for periods under an hour, and at most 7 days
   * otherwise (CloudWatch PutMetricAlarm).
   *
   * @default Duration.minutes(1)
   */
  readonly period?: Duration;

  /**
   * The number of periods the alarm looks at.
   *
   * @default - the alarm's datapoints in the README's "Recommended alarms" table
   */
  readonly evaluationPeriods?: number;

  /**
   * How many of the evaluated periods must breach to go into ALARM ("M out of N").
   *
   * @default - `evaluationPeriods`
   */
  readonly datapointsToAlarm?: number;

  /**
   * What a period without data counts as.
   *
   * @default - the alarm's missing-data treatment in the README's "Recommended alarms" table, this library's choice
   * (AWS names none): not breaching where no traffic is no error, breaching for `messageCount` (no traffic is what it
   * detects)
   */
  readonly treatMissingData?: cloudwatch.TreatMissingData;
}

/**
 * Options of `addRecommendedAlarms`: the actions every alarm gets, and how each alarm differs from AWS's
 * recommendation.
 */
export interface RecommendedAlarmsOptions {
  /**
   * Actions taken when an alarm goes into ALARM, added to every alarm, for example an `SnsAction`.
   *
   * @default - no actions
   */
  readonly actions?: cloudwatch.IAlarmAction[];

  /**
   * Alarms on one route instead of the whole stage: AWS recommends the `integrationLatency` and `messageCount` alarms
   * per route too (the route needs `detailedMetricsEnabled`). The error alarms are per stage only.
   *
   * @default - the stage's alarms
   */
  readonly routeKey?: string;

  /**
   * The ClientError alarm: the share of messages API Gateway answered with a 4XX.
   *
   * @default - the values in the README's "Recommended alarms" table
   */
  readonly clientError?: RecommendedAlarmSettings;

  /**
   * The ExecutionError alarm: the share of messages that failed while calling the integration.
   *
   * @default - the values in the README's "Recommended alarms" table
   */
  readonly executionError?: RecommendedAlarmSettings;

  /**
   * The IntegrationLatency alarm: how long the integration takes to answer.
   *
   * @default - the values in the README's "Recommended alarms" table
   */
  readonly integrationLatency?: RecommendedAlarmSettings;

  /**
   * The low-traffic MessageCount alarm: too few messages. AWS recommends it only for APIs with steady traffic and
   * leaves the threshold to you, so it is created only when enabled or given a threshold; enabled without one, it
   * takes the threshold in the README's "Recommended alarms" table, this library's choice.
   *
   * @default - not created
   */
  readonly messageCount?: RecommendedAlarmSettings;
}

/** The fields of `RecommendedAlarmsOptions` and of `RecommendedAlarmSettings`, to refuse misspelt ones from JavaScript. */
const OPTION_KEYS = keysOf<RecommendedAlarmsOptions>({
  actions: true, routeKey: true, clientError: true, executionError: true, integrationLatency: true, messageCount: true,
});
const SETTING_KEYS = keysOf<RecommendedAlarmSettings>({
  enabled: true, threshold: true, period: true, evaluationPeriods: true, datapointsToAlarm: true, treatMissingData: true,
});

/** One recommended alarm. */
export interface Recommendation {
  /** The option that tunes it, and the last part of its construct id (capitalised). */
  readonly option: 'clientError' | 'executionError' | 'integrationLatency' | 'messageCount';
  readonly metric: (metrics: IWebSocketMetrics, props: cloudwatch.MetricOptions) => cloudwatch.Metric;
  readonly statistic: string;
  readonly threshold: number;
  /** Whether the threshold is AWS's; AWS leaves MessageCount's to the user ("depends on your situation"). */
  readonly awsThreshold: boolean;
  readonly comparisonOperator: cloudwatch.ComparisonOperator;
  readonly evaluationPeriods: number;
  /** This library's choice for every alarm: AWS's page names no treatment of missing data. */
  readonly treatMissingData: cloudwatch.TreatMissingData;
  readonly perRoute: boolean;
  readonly enabledByDefault: boolean;
  readonly description: string;
}

/**
 * The one source of the recommended alarms' default values: the README's table is generated from it
 * (scripts/docs.js), and the doc comments point at that table. AWS's recommended alarms for WebSocket APIs, from
 * the "Recommended alarms" page of the CloudWatch user guide, Amazon API Gateway section (ApiId, Stage and ApiId, Stage, Route dimensions):
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Best_Practice_Recommended_Alarms_AWS_Services.html#ApiGateway
 * Every one has a period of 60 seconds and as many datapoints to alarm as evaluation periods. The ClientError and
 * ExecutionError metrics count 1 per failed message, so their Average is the share of messages that failed. Where
 * AWS leaves a value open (MessageCount's threshold, and missing data for all), the value is this library's choice.
 */
export const RECOMMENDED_ALARMS: readonly Recommendation[] = [
  {
    option: 'clientError',
    metric: (m, p) => m.metricClientError(p),
    statistic: 'Average',
    threshold: 0.05,
    awsThreshold: true,
    comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
    evaluationPeriods: 5,
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    perRoute: false,
    enabledByDefault: true,
    description: 'More than the threshold share of messages got a 4XX from API Gateway before reaching the integration: '
      + 'bad authorization or message parameters, a route that does not exist, or throttling (429). Look in the '
      + "stage's access and execution logs, and in per-route ClientError (detailed metrics) for the route at fault.",
  },
  {
    option: 'executionError',
    metric: (m, p) => m.metricExecutionError(p),
    statistic: 'Average',
    threshold: 0.05,
    awsThreshold: true,
    comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
    evaluationPeriods: 3,
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    perRoute: false,
    enabledByDefault: true,
    description: 'More than the threshold share of messages failed while calling the integration: 5XX answers, missing '
      + 'permissions to invoke it, or an integration that is throttled or deleted. Look in the execution logs for the '
      + 'error and its cause, and in per-route ExecutionError (detailed metrics) for the route at fault.',
  },
  {
    option: 'integrationLatency',
    metric: (m, p) => m.metricIntegrationLatency(p),
    statistic: 'p90',
    threshold: 2000,
    awsThreshold: true,
    comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    evaluationPeriods: 5,
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    perRoute: true,
    enabledByDefault: true,
    description: 'The integration takes at least the threshold in milliseconds (p90) to answer. Compare with the '
      + "backend's own latency, such as the Lambda Duration metric, to tell slow processing from cold starts; look in "
      + 'the execution logs for errors, and in per-route IntegrationLatency for the slow route.',
  },
  {
    option: 'messageCount',
    metric: (m, p) => m.metricMessageCount(p),
    statistic: 'SampleCount',
    threshold: 1,
    awsThreshold: false,
    comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
    evaluationPeriods: 10,
    treatMissingData: cloudwatch.TreatMissingData.BREACHING,
    perRoute: true,
    enabledByDefault: false,
    description: 'Fewer messages than the threshold, in or out: clients may use a wrong endpoint, the backend may have '
      + 'stopped sending to them, or a configuration or permission change may have made the API unreachable. Check '
      + 'recent deployments, domain mappings and the access logs.',
  },
];

/**
 * The largest total evaluation time (period x evaluation periods) of an alarm: a day for periods under an hour,
 * 7 days otherwise (CloudWatch PutMetricAlarm).
 */
const MAX_EVALUATION_SECONDS_UNDER_AN_HOUR = 86_400;
const MAX_EVALUATION_SECONDS = 604_800;

/** A recommended alarm as the options tune it, checked and ready to create. */
export interface PlannedAlarm {
  readonly recommendation: Recommendation;
  readonly props: Omit<cloudwatch.AlarmProps, 'metric'>;
  readonly period: Duration;
}

/**
 * The alarms the options ask for, in a fixed order, with AWS's values where the options leave them out. Throws on
 * bad options, without a construct path (the stage adds it), before anything is created.
 */
export function planRecommendedAlarms(options: RecommendedAlarmsOptions): PlannedAlarm[] {
  checkType('addRecommendedAlarms options', options, 'object');
  checkKnownKeys('addRecommendedAlarms options', options, OPTION_KEYS);
  if (options.actions !== undefined && !Array.isArray(options.actions)) {
    throw invalidInput('actions', 'must be an array of alarm actions', options.actions);
  }
  const perRoute = options.routeKey !== undefined;
  const planned: PlannedAlarm[] = [];
  for (const recommendation of RECOMMENDED_ALARMS) {
    const { option } = recommendation;
    const settings = options[option] ?? {};
    checkSettings(option, settings);
    if (perRoute && !recommendation.perRoute) {
      if (options[option] !== undefined) {
        throw invalidInput(option, 'is an alarm AWS recommends per stage only: leave it out when routeKey is given', options.routeKey);
      }
      continue;
    }
    if (!(settings.enabled ?? (recommendation.enabledByDefault || settings.threshold !== undefined))) {
      continue;
    }
    const period = settings.period ?? Duration.minutes(1);
    const evaluationPeriods = settings.evaluationPeriods ?? recommendation.evaluationPeriods;
    checkEvaluation(option, period, evaluationPeriods, settings.datapointsToAlarm);
    planned.push({
      recommendation,
      period,
      props: {
        threshold: settings.threshold ?? recommendation.threshold,
        comparisonOperator: recommendation.comparisonOperator,
        evaluationPeriods,
        datapointsToAlarm: settings.datapointsToAlarm ?? evaluationPeriods,
        treatMissingData: settings.treatMissingData ?? recommendation.treatMissingData,
        alarmDescription: recommendation.description,
      },
    });
  }
  return planned;
}

/**
 * The construct id of the scope that holds one route's alarms: `Route-{routeKey}`, with `%` written `%25` and `/`
 * written `%2F`, in that order. Construct ids cannot hold `/` (the constructs library would write it `--`, so that
 * `a/b` and `a--b` collided); escaping the escape character too keeps every route key's id its own, and reversible.
 */
export function routeAlarmsId(routeKey: string): string {
  return `Route-${routeKey.replace(/%/g, '%25').replace(/\//g, '%2F')}`;
}

/**
 * Creates the planned alarms in `scope` on `metrics` (the stage's or a route's), each with the capitalised option
 * name as its construct id, and adds the actions to each.
 */
export function createRecommendedAlarms(scope: Construct, metrics: IWebSocketMetrics, planned: PlannedAlarm[],
  actions: cloudwatch.IAlarmAction[] = []): cloudwatch.Alarm[] {
  return planned.map(({ recommendation, props, period }) => {
    const id = recommendation.option.charAt(0).toUpperCase() + recommendation.option.slice(1);
    const metric = recommendation.metric(metrics, { statistic: recommendation.statistic, period });
    const alarm = new cloudwatch.Alarm(scope, id, { ...props, metric });
    if (actions.length > 0) {
      alarm.addAlarmAction(...actions);
    }
    return alarm;
  });
}

function checkSettings(option: string, settings: RecommendedAlarmSettings): void {
  checkType(option, settings, 'object');
  checkKnownKeys(option, settings, SETTING_KEYS);
  checkType(`${option}.enabled`, settings.enabled, 'boolean');
  checkType(`${option}.threshold`, settings.threshold, 'number');
  checkNumber(`${option}.threshold`, settings.threshold, { integer: false, min: -Number.MAX_VALUE });
}

function checkEvaluation(option: string, period: Duration, evaluationPeriods: number, datapointsToAlarm: number | undefined): void {
  checkNumber(`${option}.evaluationPeriods`, evaluationPeriods, { integer: true, min: 1 });
  checkNumber(`${option}.datapointsToAlarm`, datapointsToAlarm, {
    integer: true, min: 1, max: Token.isUnresolved(evaluationPeriods) ? undefined : evaluationPeriods,
  });
  // No token check: cloudwatch.Metric needs a period known at synthesis. Not integral: 1.5 s gets this error, not aws-cdk-lib's.
  const seconds = period.toSeconds({ integral: false });
  if (seconds < 60 || seconds % 60 !== 0) {
    throw invalidInput(`${option}.period`, 'must be a whole number of minutes: API Gateway publishes its metrics once a minute, '
      + 'so a shorter period would wait on data that never comes', period.toHumanString());
  }
  // Stryker disable next-line ConditionalExpression,BlockStatement: equivalent; a deploy-time number is encoded as a huge negative number, so its product never exceeds a limit
  if (Token.isUnresolved(evaluationPeriods)) {
    return;
  }
  const [limit, rule] = seconds < 3600
    ? [MAX_EVALUATION_SECONDS_UNDER_AN_HOUR, 'at most one day for periods under an hour']
    : [MAX_EVALUATION_SECONDS, 'at most 7 days'];
  if (seconds * evaluationPeriods > limit) {
    throw invalidInput(`${option}.evaluationPeriods`, `times the period must be ${rule}, CloudWatch's limit on an alarm's evaluation`,
      `${evaluationPeriods} x ${period.toHumanString()}`);
  }
}
