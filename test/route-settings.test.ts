import { Lazy } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { WebSocketMockIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as logs from 'aws-cdk-lib/aws-logs';
import { LoggingLevel, RouteSettings, WebSocketStage, WebSocketStageProps } from '../src';
import { mergeRouteSettings, renderRouteSettings } from '../src/route-settings';
import { apiFixture, deployTimeNumber } from './fixtures';

function stageWith(props: Partial<WebSocketStageProps>) {
  const fixture = apiFixture();
  const stage = new WebSocketStage(fixture.stack, 'Stage', { webSocketApi: fixture.api, stageName: 'dev', autoDeploy: true, ...props });
  return { ...fixture, stage };
}

function stageProperties(props: Partial<WebSocketStageProps>) {
  const { stack } = stageWith(props);
  return Object.values(Template.fromStack(stack).findResources('AWS::ApiGatewayV2::Stage'))[0].Properties;
}

describe('default route settings', () => {
  test('nothing set renders nothing', () => {
    expect(renderRouteSettings({})).toBeUndefined();
    expect(stageProperties({})).not.toHaveProperty('DefaultRouteSettings');
  });

  test('an empty throttle renders nothing, instead of an empty DefaultRouteSettings', () => {
    expect(stageProperties({ throttle: {} })).not.toHaveProperty('DefaultRouteSettings');
  });

  test('a rate limit alone renders only the rate limit', () => {
    expect(stageProperties({ throttle: { rateLimit: 50 } }).DefaultRouteSettings).toEqual({ ThrottlingRateLimit: 50 });
  });

  test('a burst limit alone renders only the burst limit', () => {
    expect(stageProperties({ throttle: { burstLimit: 20 } }).DefaultRouteSettings).toEqual({ ThrottlingBurstLimit: 20 });
  });

  test('detailedMetricsEnabled false on its own is written, not dropped', () => {
    expect(stageProperties({ detailedMetricsEnabled: false }).DefaultRouteSettings).toEqual({ DetailedMetricsEnabled: false });
  });

  test.each([LoggingLevel.OFF, LoggingLevel.ERROR, LoggingLevel.INFO])('loggingLevel %s is written', (loggingLevel) => {
    expect(stageProperties({ loggingLevel, cloudWatchRole: true }).DefaultRouteSettings).toEqual({ LoggingLevel: loggingLevel });
  });

  test('dataTraceEnabled is written', () => {
    expect(stageProperties({ loggingLevel: LoggingLevel.INFO, dataTraceEnabled: true, cloudWatchRole: true }).DefaultRouteSettings)
      .toEqual({ LoggingLevel: 'INFO', DataTraceEnabled: true });
  });
});

describe('per-route settings', () => {
  test('are written by route key, from props and from addRouteSettings', () => {
    const { stack, stage } = stageWith({ routeSettings: { $connect: { throttle: { rateLimit: 5, burstLimit: 10 } } } });
    stage.addRouteSettings('sendmessage', { detailedMetricsEnabled: true });

    Template.fromStack(stack).hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      RouteSettings: {
        $connect: { ThrottlingRateLimit: 5, ThrottlingBurstLimit: 10 },
        sendmessage: { DetailedMetricsEnabled: true },
      },
    });
  });

  test('start from the stage defaults and override what they set, field by field', () => {
    const properties = stageProperties({
      throttle: { rateLimit: 100, burstLimit: 200 },
      loggingLevel: LoggingLevel.ERROR,
      detailedMetricsEnabled: true,
      cloudWatchRole: true,
      routeSettings: { $default: { throttle: { rateLimit: 10 }, loggingLevel: LoggingLevel.INFO } },
    });

    expect(properties.RouteSettings).toEqual({
      $default: { ThrottlingRateLimit: 10, ThrottlingBurstLimit: 200, LoggingLevel: 'INFO', DetailedMetricsEnabled: true },
    });
  });

  test('addRouteSettings replaces earlier settings of the route', () => {
    const { stack, stage } = stageWith({});
    stage.addRouteSettings('$connect', { throttle: { rateLimit: 1 } });
    stage.addRouteSettings('$connect', { throttle: { burstLimit: 2 } });

    Template.fromStack(stack).hasResourceProperties('AWS::ApiGatewayV2::Stage', { RouteSettings: { $connect: { ThrottlingBurstLimit: 2 } } });
  });

  test('an empty map is left out', () => {
    expect(stageProperties({ routeSettings: {} })).not.toHaveProperty('RouteSettings');
  });

  test.each([{}, { throttle: {} }])('fails when a route sets nothing: %p', (settings) => {
    expect(() => stageWith({ routeSettings: { $connect: settings } })).toThrow(
      'routeSettings.$connect sets nothing: give at least one of throttle.rateLimit, throttle.burstLimit, loggingLevel, '
      + 'dataTraceEnabled or detailedMetricsEnabled (from Python, pass RouteSettings(...) rather than a dict inside the map)');
  });

  test('mergeRouteSettings keeps the route value over the default, including false', () => {
    expect(mergeRouteSettings({ detailedMetricsEnabled: true, dataTraceEnabled: true }, { detailedMetricsEnabled: false }))
      .toMatchObject({ detailedMetricsEnabled: false, dataTraceEnabled: true });
  });

  test('the stage waits for the routes its settings name', () => {
    const { stack, api, stage } = stageWith({});
    api.addRoute('sendmessage', { integration: new WebSocketMockIntegration('Mock') });
    stage.addRouteSettings('sendmessage', { throttle: { rateLimit: 1 } });

    const routeId = stack.getLogicalId(api.node.findChild('sendmessage-Route').node.defaultChild as apigwv2.CfnRoute);
    Template.fromStack(stack).hasResource('AWS::ApiGatewayV2::Stage', { DependsOn: [routeId] });
  });

  test('a route added after the stage is waited for too', () => {
    const { stack, api } = stageWith({ routeSettings: { later: { throttle: { rateLimit: 1 } } } });
    api.addRoute('later', { integration: new WebSocketMockIntegration('Mock') });

    const routeId = stack.getLogicalId(api.node.findChild('later-Route').node.defaultChild as apigwv2.CfnRoute);
    Template.fromStack(stack).hasResource('AWS::ApiGatewayV2::Stage', { DependsOn: Match.arrayWith([routeId]) });
  });

  test('a key that matches no route of an API with routes gets a warning', () => {
    const { stack, api } = stageWith({ routeSettings: { sendmesage: { throttle: { rateLimit: 1 } } } });
    api.addRoute('sendmessage', { integration: new WebSocketMockIntegration('Mock') });

    Annotations.fromStack(stack).hasWarning('/S/Stage', Match.stringLikeRegexp("routeSettings key 'sendmesage' matches no route of the API \\(routes: sendmessage\\)"));
  });

  test('fails when a route key is empty', () => {
    expect(() => stageWith({ routeSettings: { '': { throttle: { rateLimit: 1 } } } })).toThrow("routeSettings key must not be empty (got '')");
  });

  test.each(['$connect', '$disconnect', '$default', 'sendmessage', 'chat.join'])('accepts route key %p', (key) => {
    expect(() => stageWith({ routeSettings: { [key]: { throttle: { rateLimit: 1 } } } })).not.toThrow();
  });

  test('a route key that is a token is not checked, and resolves in the template', () => {
    const { stack, stage } = stageWith({});
    stage.addRouteSettings(Lazy.string({ produce: () => 'sendmessage' }), { throttle: { rateLimit: 1 } });

    Template.fromStack(stack).hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      RouteSettings: { sendmessage: { ThrottlingRateLimit: 1 } },
    });
  });

  test('fails when a route key starts with $ without being a predefined route', () => {
    expect(() => stageWith({ routeSettings: { $connects: { loggingLevel: LoggingLevel.ERROR } } }))
      .toThrow("routeSettings key must be $connect, $disconnect, $default or a custom key that does not start with $ (got '$connects')");
  });

  test.each<[RouteSettings, string]>([
    [{ throttle: { rateLimit: -1 } }, "routeSettings.$connect.throttle.rateLimit must be a number >= 0 (got '-1')"],
    [{ throttle: { burstLimit: 0.5 } }, "routeSettings.$connect.throttle.burstLimit must be an integer >= 0 (got '0.5')"],
  ])('fails when a route throttle is %p', (settings, message) => {
    expect(() => stageWith({ routeSettings: { $connect: settings } })).toThrow(message);
  });

  test('accepts deploy-time throttle values', () => {
    const fixture = apiFixture();
    expect(() => new WebSocketStage(fixture.stack, 'Stage', {
      webSocketApi: fixture.api,
      stageName: 'dev',
      routeSettings: { $connect: { throttle: { rateLimit: deployTimeNumber(fixture.stack, 'Rate') } } },
    })).not.toThrow();
  });
});

describe('logging level combinations', () => {
  test('fails when data trace is on and the logging level is OFF', () => {
    expect(() => stageWith({ dataTraceEnabled: true, loggingLevel: LoggingLevel.OFF })).toThrow(
      'dataTraceEnabled cannot be true when loggingLevel is OFF: data trace writes every message to the execution logs, '
      + 'which turns them on; set loggingLevel to ERROR or INFO, or leave dataTraceEnabled unset');
  });

  test('fails when a route turns data trace on under a stage logging level of OFF', () => {
    expect(() => stageWith({ loggingLevel: LoggingLevel.OFF, routeSettings: { $default: { dataTraceEnabled: true } } }))
      .toThrow(/^routeSettings.\$default.dataTraceEnabled cannot be true when loggingLevel is OFF/);
  });

  test('fails when a route turns logging OFF under a stage data trace', () => {
    expect(() => stageWith({ dataTraceEnabled: true, loggingLevel: LoggingLevel.INFO, routeSettings: { $default: { loggingLevel: LoggingLevel.OFF } } }))
      .toThrow(/^routeSettings.\$default.dataTraceEnabled cannot be true when loggingLevel is OFF/);
  });
});

describe('warnings', () => {
  test('data trace warns that it logs full messages', () => {
    const { stack } = stageWith({ loggingLevel: LoggingLevel.INFO, dataTraceEnabled: true, cloudWatchRole: true });

    Annotations.fromStack(stack).hasWarning('/S/Stage', Match.stringLikeRegexp('^dataTraceEnabled writes every message in full'));
  });

  test('data trace on one route warns too', () => {
    const { stack } = stageWith({ cloudWatchRole: true, routeSettings: { $default: { loggingLevel: LoggingLevel.INFO, dataTraceEnabled: true } } });

    Annotations.fromStack(stack).hasWarning('/S/Stage', Match.stringLikeRegexp('^dataTraceEnabled writes every message in full'));
  });

  test.each<[string, Partial<WebSocketStageProps>]>([
    ['a logging level', { loggingLevel: LoggingLevel.ERROR }],
    ['a route logging level', { routeSettings: { $connect: { loggingLevel: LoggingLevel.INFO } } }],
  ])('%s without cloudWatchRole warns that deployment needs the account setting', (_name, props) => {
    const { stack } = stageWith(props);

    Annotations.fromStack(stack).hasWarning('/S/Stage', Match.stringLikeRegexp('^Logging is enabled but cloudWatchRole is not set'));
  });

  test('no logging, or logging OFF, gives no role warning', () => {
    const { stack } = stageWith({ loggingLevel: LoggingLevel.OFF });

    Annotations.fromStack(stack).hasNoWarning('/S/Stage', Match.stringLikeRegexp('cloudWatchRole'));
  });
});

describe('keys a struct does not declare', () => {
  test('fail in route settings', () => {
    const settings = { detailed_metrics_enabled: true } as unknown as RouteSettings;

    expect(() => stageWith({ routeSettings: { $default: settings } })).toThrow(
      "routeSettings.$default key must be one of throttle, loggingLevel, dataTraceEnabled, detailedMetricsEnabled (got 'detailed_metrics_enabled')");
  });

  test('fail in a route throttle', () => {
    const settings = { throttle: { rate_limit: 5 } } as unknown as RouteSettings;

    expect(() => stageWith({ routeSettings: { $connect: settings } })).toThrow(
      "routeSettings.$connect.throttle key must be one of rateLimit, burstLimit (got 'rate_limit')");
  });

  test('fail in the stage throttle', () => {
    expect(() => stageWith({ throttle: { rate: 5 } as never })).toThrow("throttle key must be one of rateLimit, burstLimit");
  });
});

test('a route given logging after construction still gets the role warning', () => {
  const { stack, stage } = stageWith({});
  stage.addRouteSettings('$default', { loggingLevel: LoggingLevel.ERROR });

  Annotations.fromStack(stack).hasWarning('/S/Stage', Match.stringLikeRegexp('^Logging is enabled but cloudWatchRole is not set'));
});

test('access logs without the role get the warning too', () => {
  const { stack, api } = apiFixture();
  new WebSocketStage(stack, 'Stage', {
    webSocketApi: api,
    stageName: 'dev',
    autoDeploy: true,
    accessLogSettings: { destination: new apigwv2.LogGroupLogDestination(new logs.LogGroup(stack, 'Logs')) },
  });

  Annotations.fromStack(stack).hasWarning('/S/Stage', Match.stringLikeRegexp('^Logging is enabled but cloudWatchRole is not set'));
});
