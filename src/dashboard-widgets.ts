import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { Duration } from 'aws-cdk-lib/core';
import { IWebSocketMetrics } from './metrics';
import { checkKnownKeys, checkNumber, checkType, keysOf } from './validation';

/**
 * Options of `dashboardWidgets`.
 */
export interface DashboardWidgetsOptions {
  /**
   * Graphs one route's metrics instead of the whole stage's (the route needs `detailedMetricsEnabled`); the alarm
   * status then shows the alarms added for that route.
   *
   * @default - the stage's metrics
   */
  readonly routeKey?: string;

  /**
   * The period of every graphed statistic.
   *
   * @default Duration.minutes(1), the period of the recommended alarms
   */
  readonly period?: Duration;

  /**
   * The width of each widget, in dashboard grid columns: 1-24 (a dashboard row has 24).
   *
   * @default 6
   */
  readonly width?: number;

  /**
   * The height of each widget, in dashboard grid rows: 1-1000.
   *
   * @default 6
   */
  readonly height?: number;
}

/** The fields of `DashboardWidgetsOptions`, to catch keys that would be ignored. */
const OPTION_KEYS = keysOf<DashboardWidgetsOptions>({ routeKey: true, period: true, width: true, height: true });

/** The widest a CloudWatch dashboard widget can be: the grid's 24 columns. */
const GRID_COLUMNS = 24;

/** The tallest a CloudWatch dashboard widget can be, in grid rows (Dashboard Body Structure: height 1-1000). */
const MAX_HEIGHT = 1000;

/** The most alarms one alarm status widget shows (Dashboard Body Structure: an alarm widget has 1-100 ARNs). */
export const MAX_ALARMS_PER_WIDGET = 100;

/** Throws on options a JavaScript caller got wrong, without a construct path (the stage adds it). */
export function checkDashboardWidgetsOptions(options: DashboardWidgetsOptions): void {
  checkType('dashboardWidgets options', options, 'object');
  checkKnownKeys('dashboardWidgets options', options, OPTION_KEYS);
  checkNumber('width', options.width, { integer: true, min: 1, max: GRID_COLUMNS });
  checkNumber('height', options.height, { integer: true, min: 1, max: MAX_HEIGHT });
}

/**
 * The widgets an operator of a WebSocket stage (or of one route) looks at: connections, messages, the three error
 * metrics, integration latency p50/p90/p99, and the state of `alarms` when there are any: one alarm status widget per
 * 100 alarms, the most CloudWatch shows in one.
 *
 * @param metrics the stage's metrics, or a route's
 * @param alarms the alarms whose state is shown
 * @param subject what the titles name, for example `prod` or `prod, route sendmessage`
 */
export function createDashboardWidgets(metrics: IWebSocketMetrics, alarms: cloudwatch.IAlarm[], subject: string,
  options: DashboardWidgetsOptions): cloudwatch.IWidget[] {
  const period = options.period ?? Duration.minutes(1);
  const size = { width: options.width ?? 6, height: options.height ?? 6 };
  const graph = (title: string, left: cloudwatch.IMetric[]) => new cloudwatch.GraphWidget({ title: `${title} (${subject})`, left, period, ...size });
  const widgets: cloudwatch.IWidget[] = [
    graph('Connections', [metrics.metricConnectCount({ period, label: 'ConnectCount' })]),
    graph('Messages', [metrics.metricMessageCount({ period, label: 'MessageCount' })]),
    graph('Errors', [
      metrics.metricIntegrationError({ period, label: 'IntegrationError' }),
      metrics.metricClientError({ period, label: 'ClientError' }),
      metrics.metricExecutionError({ period, label: 'ExecutionError' }),
    ]),
    graph('Integration latency', ['p50', 'p90', 'p99'].map((statistic) =>
      metrics.metricIntegrationLatency({ period, statistic, label: `IntegrationLatency ${statistic}` }))),
  ];
  const parts = Math.ceil(alarms.length / MAX_ALARMS_PER_WIDGET);
  for (let part = 0; part < parts; part++) {
    const title = parts === 1 ? `Alarms (${subject})` : `Alarms (${subject}, ${part + 1} of ${parts})`;
    const slice = alarms.slice(part * MAX_ALARMS_PER_WIDGET, (part + 1) * MAX_ALARMS_PER_WIDGET);
    widgets.push(new cloudwatch.AlarmStatusWidget({ title, alarms: slice, ...size }));
  }
  return widgets;
}
