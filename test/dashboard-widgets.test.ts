import { Duration, Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { addRoute, errorNaming, importStage, newApi, newStage } from './fixtures';

/** What a widget renders into the dashboard body, resolved. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- dashboard JSON
function rendered(stack: Stack, widget: cloudwatch.IWidget): any {
  return stack.resolve(widget.toJson())[0];
}

/** The metrics of a graph widget as [metric name, statistic, period] (statistic and period from the render options). */
function graphed(stack: Stack, widget: cloudwatch.IWidget): [string, string, number][] {
  const { properties } = rendered(stack, widget);
  return properties.metrics.map((row: [string, string, ...unknown[]]) => {
    const options = row[row.length - 1] as { stat: string; period?: number };
    return [row[1], options.stat, options.period ?? properties.period];
  });
}

test('the stage has graphs of connections, messages, the three errors and integration latency p50/p90/p99', () => {
  const stage = newStage(newApi());
  const { stack } = stage;
  const widgets = stage.dashboardWidgets();

  expect(widgets).toHaveLength(4);
  expect(widgets.every((widget) => widget instanceof cloudwatch.GraphWidget)).toBe(true);
  expect(widgets.map((widget) => rendered(stack, widget).properties.title))
    .toEqual(['Connections (dev)', 'Messages (dev)', 'Errors (dev)', 'Integration latency (dev)']);
  expect(widgets.map((widget) => graphed(stack, widget))).toEqual([
    [['ConnectCount', 'Sum', 60]],
    [['MessageCount', 'Sum', 60]],
    [['IntegrationError', 'Sum', 60], ['ClientError', 'Sum', 60], ['ExecutionError', 'Sum', 60]],
    [['IntegrationLatency', 'p50', 60], ['IntegrationLatency', 'p90', 60], ['IntegrationLatency', 'p99', 60]],
  ]);
});

test('the graphs are of this stage: ApiId and Stage dimensions', () => {
  const api = newApi();
  const stage = newStage(api);
  const row = rendered(api.stack, stage.dashboardWidgets()[0]).properties.metrics[0];

  expect(row.slice(0, 6)).toEqual(['AWS/ApiGateway', 'ConnectCount', 'ApiId', api.stack.resolve(api.apiId), 'Stage', 'dev']);
});

test('after addRecommendedAlarms the widgets end with the state of every alarm of the stage, routes included', () => {
  const api = newApi();
  addRoute(api, 'a');
  const stage = newStage(api, { detailedMetricsEnabled: true });
  const alarms = [...stage.addRecommendedAlarms(), ...stage.addRecommendedAlarms({ routeKey: 'a' })];
  const widgets = stage.dashboardWidgets();

  expect(widgets).toHaveLength(5);
  const status = rendered(stage.stack, widgets[4]);
  expect(status.type).toBe('alarm');
  expect(status.properties.title).toBe('Alarms (dev)');
  expect(status.properties.alarms).toEqual(alarms.map((alarm) => stage.stack.resolve(alarm.alarmArn)));
  expect(alarms).toHaveLength(4);
});

test('per route, the graphs carry the Route dimension and the alarm state shows only the route\'s alarms', () => {
  const api = newApi();
  addRoute(api, 'sendmessage');
  const stage = newStage(api, { routeSettings: { sendmessage: { detailedMetricsEnabled: true } } });
  stage.addRecommendedAlarms();
  const routeAlarms = stage.addRecommendedAlarms({ routeKey: 'sendmessage' });
  const widgets = stage.dashboardWidgets({ routeKey: 'sendmessage' });

  expect(rendered(stage.stack, widgets[1]).properties.title).toBe('Messages (dev, route sendmessage)');
  const row: string[] = rendered(stage.stack, widgets[1]).properties.metrics[0];
  expect(row[row.indexOf('Route') + 1]).toBe('sendmessage');
  expect(rendered(stage.stack, widgets[4]).properties.alarms).toEqual(routeAlarms.map((alarm) => stage.stack.resolve(alarm.alarmArn)));
  Annotations.fromStack(stage.stack).hasNoWarning('*', Match.anyValue());
});

test('a route without alarms has no alarm state widget', () => {
  const stage = newStage(newApi(), { detailedMetricsEnabled: true });
  stage.addRecommendedAlarms();

  expect(stage.dashboardWidgets({ routeKey: '$default' })).toHaveLength(4);
});

test('a route without detailed metrics gets the metricsForRoute warning', () => {
  const stage = newStage(newApi());
  stage.dashboardWidgets({ routeKey: '$default' });

  Annotations.fromStack(stage.stack).hasWarning('/S/Stage', Match.stringLikeRegexp('detailedMetricsEnabled'));
});

test('the period and size can be chosen', () => {
  const stage = newStage(newApi());
  const widgets = stage.dashboardWidgets({ period: Duration.minutes(5), width: 12, height: 4 });

  expect(widgets.map((widget) => [widget.width, widget.height])).toEqual(Array(4).fill([12, 4]));
  expect(graphed(stage.stack, widgets[3]).map(([, , period]) => period)).toEqual([300, 300, 300]);
});

test('an imported stage has the widgets, and its alarms\' state', () => {
  const api = newApi();
  const imported = importStage(api, 'prod');
  imported.addRecommendedAlarms();
  const widgets = imported.dashboardWidgets();

  expect(widgets).toHaveLength(5);
  expect(rendered(api.stack, widgets[0]).properties.title).toBe('Connections (prod)');
});

test('the widgets drop into a Dashboard', () => {
  const stage = newStage(newApi());
  stage.addRecommendedAlarms();
  const dashboard = new cloudwatch.Dashboard(stage.stack, 'Dashboard');
  dashboard.addWidgets(...stage.dashboardWidgets());

  const body = JSON.stringify(stage.stack.resolve((dashboard.node.defaultChild as cloudwatch.CfnDashboard).dashboardBody));
  expect(body).toContain('Integration latency (dev)');
  expect(body).toContain('\\"type\\":\\"alarm\\"');
});

test('the height can be 1 to 1000 grid rows, as CloudWatch dashboards take', () => {
  const stage = newStage(newApi());

  expect(stage.dashboardWidgets({ height: 1000 })[0].height).toBe(1000);
  expect(stage.dashboardWidgets({ height: 1 })[0].height).toBe(1);
  expect(() => stage.dashboardWidgets({ height: 1001 })).toThrow(/^S\/Stage: height must be an integer from 1 to 1000 \(got '1001'\)$/);
});

test('more than 100 alarms, the most one alarm status widget shows, are split over widgets of at most 100, in order', () => {
  const api = newApi();
  const stage = newStage(api, { detailedMetricsEnabled: true });
  // 3 stage alarms and 2 per route: 49 routes make 101 alarms.
  const alarms = [...stage.addRecommendedAlarms()];
  for (let i = 0; i < 49; i++) {
    alarms.push(...stage.addRecommendedAlarms({ routeKey: `r${i}`, messageCount: { enabled: true } }));
  }
  const statuses = stage.dashboardWidgets().slice(4).map((widget) => rendered(stage.stack, widget));

  expect(alarms).toHaveLength(101);
  expect(statuses.map((status) => [status.type, status.properties.title, status.properties.alarms.length]))
    .toEqual([['alarm', 'Alarms (dev, 1 of 2)', 100], ['alarm', 'Alarms (dev, 2 of 2)', 1]]);
  expect(statuses.flatMap((status) => status.properties.alarms)).toEqual(alarms.map((alarm) => stage.stack.resolve(alarm.alarmArn)));
});

test('exactly 100 alarms fit one alarm status widget', () => {
  const stage = newStage(newApi(), { detailedMetricsEnabled: true });
  // 1 stage alarm, 2 per route for 49 routes, and 1 for the last route: 100.
  stage.addRecommendedAlarms({ clientError: { enabled: false }, executionError: { enabled: false } });
  for (let i = 0; i < 49; i++) {
    stage.addRecommendedAlarms({ routeKey: `r${i}`, messageCount: { enabled: true } });
  }
  stage.addRecommendedAlarms({ routeKey: 'last' });
  const statuses = stage.dashboardWidgets().slice(4).map((widget) => rendered(stage.stack, widget));

  expect(statuses.map((status) => [status.properties.title, status.properties.alarms.length])).toEqual([['Alarms (dev)', 100]]);
});

test.each([
  [{ width: 25 }, 'width', 25],
  [{ width: 0 }, 'width', 0],
  [{ height: 0 }, 'height', 0],
  [{ height: 1.5 }, 'height', 1.5],
  [{ width: 2.5 }, 'width', 2.5],
])('fails on bad options %j', (options, prop, value) => {
  const stage = newStage(newApi());

  expect(() => stage.dashboardWidgets(options)).toThrow(errorNaming(prop, value));
});

test('fails on a bad route key or a misspelt option', () => {
  const stage = newStage(newApi());

  expect(() => stage.dashboardWidgets({ routeKey: '$connnect' })).toThrow(errorNaming('metricsForRoute routeKey', '$connnect'));
  expect(() => stage.dashboardWidgets({ route: 'a' } as never)).toThrow(errorNaming('dashboardWidgets options key', 'route'));
});

test('each line of a graph is labelled with its metric, and latency lines with their percentile', () => {
  const stage = newStage(newApi());
  const labels = stage.dashboardWidgets().map((widget) => rendered(stage.stack, widget).properties.metrics
    .map((row: unknown[]) => (row[row.length - 1] as { label: string }).label));

  expect(labels).toEqual([
    ['ConnectCount'],
    ['MessageCount'],
    ['IntegrationError', 'ClientError', 'ExecutionError'],
    ['IntegrationLatency p50', 'IntegrationLatency p90', 'IntegrationLatency p99'],
  ]);
});

test("the alarm state widget is titled for what it shows", () => {
  const stage = newStage(newApi());
  stage.addRecommendedAlarms();
  const widgets = stage.dashboardWidgets();

  expect(rendered(stage.stack, widgets[widgets.length - 1]).properties.title).toBe('Alarms (dev)');
});

test('fails on options that are not an object, naming them', () => {
  const stage = newStage(newApi());

  expect(() => stage.dashboardWidgets('wide' as never)).toThrow(/^S\/Stage: dashboardWidgets options must be an object \(got 'wide'\)/);
});
