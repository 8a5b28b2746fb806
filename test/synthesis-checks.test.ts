import { Aspects, CfnElement } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { LoggingLevel } from '../src';
import { addRoute, deployTimeBoolean, newApi, newStage } from './fixtures';

// The warnings given at synthesis, in full: each tells the user what will go wrong at deploy and what to do.

/** The warnings on the stage `S/Stage`, without the acknowledgement hint aws-cdk-lib appends. */
function stageWarnings(stack: import('aws-cdk-lib').Stack): string[] {
  return Annotations.fromStack(stack).findWarning('/S/Stage', Match.anyValue())
    .map((warning) => String(warning.entry.data).replace(/ \[ack: [^\]]+\]$/, ''));
}

describe('route keys that match no route', () => {
  test('a routeSettings key and a measured route that match no route are named, with the routes there are', () => {
    const api = newApi();
    const stage = newStage(api, { routeSettings: { sendmesage: { detailedMetricsEnabled: true } } });
    addRoute(api, 'sendmessage');
    addRoute(api, '$connect');
    stage.metricsForRoute('chat');

    expect(stageWarnings(api.stack)).toEqual(expect.arrayContaining([
      "routeSettings key 'sendmesage' matches no route of the API (routes: sendmessage, $connect)",
      "metricsForRoute('chat') matches no route of the API (routes: sendmessage, $connect)",
    ]));
  });

  test('an API with no routes in the app gives no such warning: its routes may be added elsewhere', () => {
    const api = newApi();
    const stage = newStage(api, { detailedMetricsEnabled: true, routeSettings: { sendmessage: { throttle: { rateLimit: 1 } } } });
    stage.metricsForRoute('sendmessage');

    expect(stageWarnings(api.stack)).toEqual([]);
  });

  test('keys that match routes give no warning', () => {
    const api = newApi();
    addRoute(api, 'sendmessage');
    const stage = newStage(api, { detailedMetricsEnabled: true, routeSettings: { sendmessage: { throttle: { rateLimit: 1 } } } });
    stage.metricsForRoute('sendmessage');

    expect(stageWarnings(api.stack)).toEqual([]);
  });
});

describe('advice', () => {
  test('managedDeployment on an API without routes', () => {
    const api = newApi();
    newStage(api, { managedDeployment: true });

    expect(stageWarnings(api.stack)).toEqual([
      'managedDeployment is true but the API has no routes: API Gateway refuses to deploy an API without routes '
      + '("At least one route is required"), so the deployment fails. Add a route to the API, such as $default.',
    ]);
  });

  test('data trace, with the role set', () => {
    const api = newApi();
    newStage(api, { dataTraceEnabled: true, loggingLevel: LoggingLevel.ERROR, cloudWatchRole: true });

    expect(stageWarnings(api.stack)).toEqual([
      'dataTraceEnabled turns on data trace, which AWS documents as full request and response logging (with INFO): message '
      + 'payloads may then reach the execution logs, and they may hold personal or secret data. AWS recommends against it '
      + "for production APIs; this warning is this library's advice, acknowledge it where data trace is meant.",
    ]);
  });

  test('data trace decided at deploy time, at the default logging level', () => {
    const api = newApi();
    newStage(api, { dataTraceEnabled: deployTimeBoolean(api.stack), cloudWatchRole: true });

    expect(stageWarnings(api.stack)).toEqual([expect.stringMatching(/^dataTraceEnabled turns on data trace/)]);
  });

  test('logging without the CloudWatch role', () => {
    const api = newApi();
    newStage(api, { loggingLevel: LoggingLevel.ERROR });

    expect(stageWarnings(api.stack)).toEqual([
      'Logging is enabled but cloudWatchRole is not set: the deployment fails with "CloudWatch Logs role ARN must be set '
      + 'in account settings to enable logging" unless API Gateway\'s CloudWatch Logs role is already set for this account '
      + 'and region. Set cloudWatchRole: true on one stage of one stack, or acknowledge this warning if the setting is managed elsewhere.',
    ]);
  });

  test('a route metric without detailed metrics', () => {
    const api = newApi();
    addRoute(api, 'sendmessage');
    newStage(api).metricsForRoute('sendmessage');

    expect(stageWarnings(api.stack)).toEqual([
      "metricsForRoute('sendmessage') was called, but the route does not have detailedMetricsEnabled: API Gateway "
      + 'publishes no per-route metrics for it, so its metrics stay empty. Set detailedMetricsEnabled: true on the stage or in '
      + "routeSettings['sendmessage'].",
    ]);
  });
});

test('no route-metric warning for a route the API has, among others', () => {
  const api = newApi();
  addRoute(api, 'a');
  addRoute(api, 'b');
  const stage = newStage(api, { detailedMetricsEnabled: true });
  stage.metricsForRoute('a');

  Annotations.fromStack(api.stack).hasNoWarning('*', Match.stringLikeRegexp('matches no route'));
});

test('the synthesis work is idempotent: a second visit of the aspect changes neither the deployment id nor the warnings', () => {
  const api = newApi();
  const stage = newStage(api, { managedDeployment: true, dataTraceEnabled: true, loggingLevel: LoggingLevel.INFO });
  addRoute(api, '$default');
  const visitAgain = () => Aspects.of(stage).all.forEach((aspect) => aspect.visit(stage));
  visitAgain();
  const deploymentId = (stage.node.findChild('Deployment') as CfnElement).logicalId;
  const idBefore = api.stack.resolve(deploymentId);
  visitAgain();

  expect(api.stack.resolve(deploymentId)).toBe(idBefore);
  expect(stage.node.metadata.filter((entry) => String(entry.data).includes('dataTraceEnabled turns on data trace'))).toHaveLength(1);
});

describe('the aspect that runs this work', () => {
  test('is not added to a stage with nothing to check at synthesis: an aspect per stage costs every stage time', () => {
    const stage = newStage(newApi(), { throttle: { rateLimit: 10 }, cloudWatchRole: true, detailedMetricsEnabled: true });

    expect(Aspects.of(stage).all).toHaveLength(0);
  });

  test('is added once, however much work the stage gets, also after it is constructed', () => {
    const api = newApi();
    const stage = newStage(api, { managedDeployment: true, loggingLevel: LoggingLevel.INFO, routeSettings: { a: { detailedMetricsEnabled: true } } });
    stage.addRouteSettings('b', { detailedMetricsEnabled: true });
    stage.metricsForRoute('a');

    expect(Aspects.of(stage).all).toHaveLength(1);
  });
});
