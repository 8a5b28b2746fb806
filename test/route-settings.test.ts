import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { Lazy, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { LoggingLevel, RouteSettings, WebSocketStageProps } from '../src';
import { mergeRouteSettings, renderRouteSettings, renderRouteSettingsJson } from '../src/route-settings';
import { addRoute, deployTimeBoolean, deployTimeNumber, errorNaming, newApi, newLogGroup, newStack, newStage } from './fixtures';

/** The properties of the only stage in the stack. */
function stageProperties(stack: Stack) {
  return Object.values(Template.fromStack(stack).findResources('AWS::ApiGatewayV2::Stage'))[0].Properties;
}

describe('default route settings', () => {
  test('nothing set renders nothing', () => {
    expect(renderRouteSettings({})).toBeUndefined();
    expect(stageProperties(newStage(newApi()).stack)).not.toHaveProperty('DefaultRouteSettings');
  });

  test('an empty throttle renders nothing, instead of an empty DefaultRouteSettings', () => {
    expect(stageProperties(newStage(newApi(), { throttle: {} }).stack)).not.toHaveProperty('DefaultRouteSettings');
  });

  test('a rate limit alone renders only the rate limit', () => {
    expect(stageProperties(newStage(newApi(), { throttle: { rateLimit: 50 } }).stack).DefaultRouteSettings).toEqual({ ThrottlingRateLimit: 50 });
  });

  test('a burst limit alone renders only the burst limit', () => {
    expect(stageProperties(newStage(newApi(), { throttle: { burstLimit: 20 } }).stack).DefaultRouteSettings).toEqual({ ThrottlingBurstLimit: 20 });
  });

  test('detailedMetricsEnabled false on its own writes nothing, as aws-cdk-lib: it is API Gateway\'s default', () => {
    expect(stageProperties(newStage(newApi(), { detailedMetricsEnabled: false }).stack)).not.toHaveProperty('DefaultRouteSettings');
  });

  test.each<[string, Partial<WebSocketStageProps>, object]>([
    ['a throttle', { throttle: { rateLimit: 5 } }, { ThrottlingRateLimit: 5 }],
    ['an empty throttle', { throttle: {} }, {}],
    ['a logging level', { loggingLevel: LoggingLevel.ERROR, cloudWatchRole: true }, { LoggingLevel: 'ERROR' }],
    ['data trace', { dataTraceEnabled: false }, { DataTraceEnabled: false }],
  ])('detailedMetricsEnabled false is written with %s', (_name, props, written) => {
    expect(stageProperties(newStage(newApi(), { detailedMetricsEnabled: false, ...props }).stack).DefaultRouteSettings)
      .toEqual({ ...written, DetailedMetricsEnabled: false });
  });

  test.each([LoggingLevel.OFF, LoggingLevel.ERROR, LoggingLevel.INFO])('loggingLevel %s is written', (loggingLevel) => {
    expect(stageProperties(newStage(newApi(), { loggingLevel, cloudWatchRole: true }).stack).DefaultRouteSettings).toEqual({ LoggingLevel: loggingLevel });
  });

  test('dataTraceEnabled is written', () => {
    expect(stageProperties(newStage(newApi(), { loggingLevel: LoggingLevel.INFO, dataTraceEnabled: true, cloudWatchRole: true }).stack).DefaultRouteSettings)
      .toEqual({ LoggingLevel: 'INFO', DataTraceEnabled: true });
  });
});

describe('per-route settings', () => {
  test('are written by route key, from props and from addRouteSettings', () => {
    const stage = newStage(newApi(), { routeSettings: { $connect: { throttle: { rateLimit: 5, burstLimit: 10 } } } });
    const { stack } = stage;
    stage.addRouteSettings('sendmessage', { detailedMetricsEnabled: true });

    Template.fromStack(stack).hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      RouteSettings: {
        $connect: { ThrottlingRateLimit: 5, ThrottlingBurstLimit: 10 },
        sendmessage: { DetailedMetricsEnabled: true },
      },
    });
  });

  test('start from the stage defaults and override what they set, field by field', () => {
    const properties = stageProperties(newStage(newApi(), {
      throttle: { rateLimit: 100, burstLimit: 200 },
      loggingLevel: LoggingLevel.ERROR,
      detailedMetricsEnabled: true,
      cloudWatchRole: true,
      routeSettings: { $default: { throttle: { rateLimit: 10 }, loggingLevel: LoggingLevel.INFO } },
    }).stack);

    expect(properties.RouteSettings).toEqual({
      $default: { ThrottlingRateLimit: 10, ThrottlingBurstLimit: 200, LoggingLevel: 'INFO', DetailedMetricsEnabled: true },
    });
  });

  test('addRouteSettings replaces earlier settings of the route', () => {
    const stage = newStage(newApi());
    const { stack } = stage;
    stage.addRouteSettings('$connect', { throttle: { rateLimit: 1 } });
    stage.addRouteSettings('$connect', { throttle: { burstLimit: 2 } });

    Template.fromStack(stack).hasResourceProperties('AWS::ApiGatewayV2::Stage', { RouteSettings: { $connect: { ThrottlingBurstLimit: 2 } } });
  });

  test('an empty map is left out', () => {
    expect(stageProperties(newStage(newApi(), { routeSettings: {} }).stack)).not.toHaveProperty('RouteSettings');
  });

  test.each([{}, { throttle: {} }])('fails when a route sets nothing: %p', (settings) => {
    expect(() => newStage(newApi(), { routeSettings: { $connect: settings } })).toThrow(/^S\/Stage: routeSettings\.\$connect sets nothing/);
  });

  test('mergeRouteSettings keeps the route value over the default, including false', () => {
    expect(mergeRouteSettings({ detailedMetricsEnabled: true, dataTraceEnabled: true }, { detailedMetricsEnabled: false }))
      .toMatchObject({ detailedMetricsEnabled: false, dataTraceEnabled: true });
  });

  test('the stage waits for the routes its settings name', () => {
    const api = newApi();
    const { stack } = api;
    const stage = newStage(api);
    addRoute(api, 'sendmessage');
    stage.addRouteSettings('sendmessage', { throttle: { rateLimit: 1 } });

    const routeId = stack.getLogicalId(api.node.findChild('sendmessage-Route').node.defaultChild as apigwv2.CfnRoute);
    Template.fromStack(stack).hasResource('AWS::ApiGatewayV2::Stage', { DependsOn: [routeId] });
  });

  test('a route added after the stage is waited for too', () => {
    const api = newApi();
    const { stack } = api;
    newStage(api, { routeSettings: { later: { throttle: { rateLimit: 1 } } } });
    addRoute(api, 'later');

    const routeId = stack.getLogicalId(api.node.findChild('later-Route').node.defaultChild as apigwv2.CfnRoute);
    Template.fromStack(stack).hasResource('AWS::ApiGatewayV2::Stage', { DependsOn: Match.arrayWith([routeId]) });
  });

  test('a key that matches no route of an API with routes gets a warning', () => {
    const api = newApi();
    const { stack } = api;
    newStage(api, { routeSettings: { sendmesage: { throttle: { rateLimit: 1 } } } });
    addRoute(api, 'sendmessage');

    Annotations.fromStack(stack).hasWarning('/S/Stage', Match.stringLikeRegexp("^routeSettings key 'sendmesage' .*sendmessage"));
  });

  test('fails when a route key is empty', () => {
    expect(() => newStage(newApi(), { routeSettings: { '': { throttle: { rateLimit: 1 } } } })).toThrow(errorNaming('routeSettings key', ''));
  });

  test.each(['$connect', '$disconnect', '$default', 'sendmessage', 'chat.join'])('accepts route key %p', (key) => {
    expect(() => newStage(newApi(), { routeSettings: { [key]: { throttle: { rateLimit: 1 } } } })).not.toThrow();
  });

  test('a route key that is a token is not checked, and resolves in the template', () => {
    const stage = newStage(newApi());
    const { stack } = stage;
    stage.addRouteSettings(Lazy.string({ produce: () => 'sendmessage' }), { throttle: { rateLimit: 1 } });

    Template.fromStack(stack).hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      RouteSettings: { sendmessage: { ThrottlingRateLimit: 1 } },
    });
  });

  test('fails when a route key starts with $ without being a predefined route', () => {
    expect(() => newStage(newApi(), { routeSettings: { $connects: { loggingLevel: LoggingLevel.ERROR } } }))
      .toThrow(errorNaming('routeSettings key', '$connects'));
  });

  test.each<[RouteSettings, RegExp]>([
    [{ throttle: { rateLimit: -1 } }, errorNaming('routeSettings.$connect.throttle.rateLimit', -1)],
    [{ throttle: { burstLimit: 0.5 } }, errorNaming('routeSettings.$connect.throttle.burstLimit', 0.5)],
  ])('fails when a route throttle is %p', (settings, error) => {
    expect(() => newStage(newApi(), { routeSettings: { $connect: settings } })).toThrow(error);
  });

  test('accepts booleans decided at deploy time, and writes them as given', () => {
    const stack = newStack();
    const flag = deployTimeBoolean(stack);
    newStage(newApi(stack), { loggingLevel: LoggingLevel.INFO, routeSettings: { $connect: { detailedMetricsEnabled: flag, dataTraceEnabled: flag } } });

    expect(stageProperties(stack).RouteSettings.$connect).toEqual({
      DetailedMetricsEnabled: { 'Fn::If': ['IsProd', true, false] },
      DataTraceEnabled: { 'Fn::If': ['IsProd', true, false] },
      LoggingLevel: 'INFO',
    });
  });

  test('accepts deploy-time throttle values', () => {
    const api = newApi();

    expect(() => newStage(api, { routeSettings: { $connect: { throttle: { rateLimit: deployTimeNumber(api.stack, 'Rate') } } } })).not.toThrow();
  });
});

describe('logging level combinations', () => {
  test("fails when data trace is on and the logging level is OFF, as the library's own rule", () => {
    expect(() => newStage(newApi(), { dataTraceEnabled: true, loggingLevel: LoggingLevel.OFF }))
      .toThrow(/^S\/Stage: dataTraceEnabled .*loggingLevel is OFF: a rule of this library, since AWS documents data trace only as part of execution logging/);
  });

  test("fails when a route turns data trace on under a stage logging level of OFF, naming the stage's level", () => {
    expect(() => newStage(newApi(), { loggingLevel: LoggingLevel.OFF, routeSettings: { $default: { dataTraceEnabled: true } } }))
      .toThrow(/^S\/Stage: routeSettings\.\$default\.dataTraceEnabled cannot .*loggingLevel \(the stage's loggingLevel\) is OFF/);
  });

  test("fails when a route turns logging OFF under a stage data trace, naming the stage's data trace", () => {
    expect(() => newStage(newApi(), { dataTraceEnabled: true, loggingLevel: LoggingLevel.INFO, routeSettings: { $default: { loggingLevel: LoggingLevel.OFF } } }))
      .toThrow(/^S\/Stage: routeSettings\.\$default\.dataTraceEnabled \(the stage's dataTraceEnabled\) cannot .*loggingLevel is OFF/);
  });

  test('fails when data trace is on and no logging level is set: an unset level is OFF', () => {
    expect(() => newStage(newApi(), { dataTraceEnabled: true })).toThrow(new Error(
      'S/Stage: dataTraceEnabled cannot be true when loggingLevel is not set (an unset level is OFF): a rule of this library, '
      + 'since AWS documents data trace only as part of execution logging (full request and response logs, with INFO); set '
      + 'loggingLevel to ERROR or INFO, or leave dataTraceEnabled unset'));
  });

  test('fails when a route turns data trace on and neither it nor the stage sets a logging level', () => {
    expect(() => newStage(newApi(), { routeSettings: { $default: { dataTraceEnabled: true } } }))
      .toThrow(/^S\/Stage: routeSettings\.\$default\.dataTraceEnabled cannot be true when loggingLevel is not set \(an unset level is OFF\)/);
    expect(() => newStage(newApi(), { dataTraceEnabled: true, routeSettings: { $default: { detailedMetricsEnabled: true } } }))
      .toThrow(/^S\/Stage: dataTraceEnabled cannot be true when loggingLevel is not set/);
  });

  test('accepts data trace on a route whose level is set on the stage, or on the route', () => {
    const { stack } = newStage(newApi(), {
      loggingLevel: LoggingLevel.ERROR,
      routeSettings: { $default: { dataTraceEnabled: true }, $connect: { dataTraceEnabled: true, loggingLevel: LoggingLevel.INFO } },
    });

    expect(stageProperties(stack).RouteSettings).toEqual({
      $default: { DataTraceEnabled: true, LoggingLevel: 'ERROR' },
      $connect: { DataTraceEnabled: true, LoggingLevel: 'INFO' },
    });
  });

  test('accepts a data trace decided at deploy time with no logging level: its value is not known here', () => {
    const stack = newStack();
    const dataTraceEnabled = deployTimeBoolean(stack);
    newStage(newApi(stack), { dataTraceEnabled });

    expect(stageProperties(stack).DefaultRouteSettings).toEqual({ DataTraceEnabled: { 'Fn::If': ['IsProd', true, false] } });
  });

  test('names neither as inherited when the route sets both', () => {
    expect(() => newStage(newApi(), { dataTraceEnabled: true, loggingLevel: LoggingLevel.INFO, routeSettings: { $default: { dataTraceEnabled: true, loggingLevel: LoggingLevel.OFF } } }))
      .toThrow(/^S\/Stage: routeSettings\.\$default\.dataTraceEnabled cannot be true when loggingLevel is OFF/);
  });
});

describe('warnings', () => {
  test('data trace warns that it logs full messages', () => {
    const { stack } = newStage(newApi(), { loggingLevel: LoggingLevel.INFO, dataTraceEnabled: true, cloudWatchRole: true });

    Annotations.fromStack(stack).hasWarning('/S/Stage', Match.stringLikeRegexp('^dataTraceEnabled '));
  });

  test("the data trace warning says what AWS documents and that the advice is the library's", () => {
    const { stack } = newStage(newApi(), { loggingLevel: LoggingLevel.INFO, dataTraceEnabled: true, cloudWatchRole: true });

    Annotations.fromStack(stack).hasWarning('/S/Stage',
      Match.stringLikeRegexp("AWS documents as full request and response logging \\(with INFO\\).*this warning is this library's advice"));
  });

  test('data trace on one route warns too', () => {
    const { stack } = newStage(newApi(), { cloudWatchRole: true, routeSettings: { $default: { loggingLevel: LoggingLevel.INFO, dataTraceEnabled: true } } });

    Annotations.fromStack(stack).hasWarning('/S/Stage', Match.stringLikeRegexp('^dataTraceEnabled '));
  });

  test.each<[string, Partial<WebSocketStageProps>]>([
    ['a logging level', { loggingLevel: LoggingLevel.ERROR }],
    ['a route logging level', { routeSettings: { $connect: { loggingLevel: LoggingLevel.INFO } } }],
  ])('%s without cloudWatchRole warns that deployment needs the account setting', (_name, props) => {
    const { stack } = newStage(newApi(), props);

    Annotations.fromStack(stack).hasWarning('/S/Stage', Match.stringLikeRegexp('cloudWatchRole'));
  });

  test('no logging, or logging OFF, gives no role warning', () => {
    const { stack } = newStage(newApi(), { loggingLevel: LoggingLevel.OFF });

    Annotations.fromStack(stack).hasNoWarning('/S/Stage', Match.stringLikeRegexp('cloudWatchRole'));
  });
});

describe('keys a struct does not declare', () => {
  test('fail in route settings', () => {
    const settings = { detailed_metrics_enabled: true } as unknown as RouteSettings;

    expect(() => newStage(newApi(), { routeSettings: { $default: settings } })).toThrow(errorNaming('routeSettings.$default key', 'detailed_metrics_enabled'));
  });

  test('fail in a route throttle', () => {
    const settings = { throttle: { rate_limit: 5 } } as unknown as RouteSettings;

    expect(() => newStage(newApi(), { routeSettings: { $connect: settings } })).toThrow(errorNaming('routeSettings.$connect.throttle key', 'rate_limit'));
  });

  test('fail in the stage throttle', () => {
    expect(() => newStage(newApi(), { throttle: { rate: 5 } as never })).toThrow(errorNaming('throttle key', 'rate'));
  });
});

test('a route given logging after construction still gets the role warning', () => {
  const stage = newStage(newApi());
  const { stack } = stage;
  stage.addRouteSettings('$default', { loggingLevel: LoggingLevel.ERROR });

  Annotations.fromStack(stack).hasWarning('/S/Stage', Match.stringLikeRegexp('cloudWatchRole'));
});

test('access logs without the role get the warning too', () => {
  const api = newApi();
  const { stack } = api;
  newStage(api, { accessLogSettings: { destination: new apigwv2.LogGroupLogDestination(newLogGroup(stack)) } });

  Annotations.fromStack(stack).hasWarning('/S/Stage', Match.stringLikeRegexp('cloudWatchRole'));
});

describe('execution log group in the docs', () => {
  // What users read about LoggingLevel: the README and the enum's docs in the assembly (API.md and every language).
  const WEBSOCKET_GROUP = '/aws/apigateway/{apiId}/{stageName}';
  const REST_GROUP = 'API-Gateway-Execution-Logs_{apiId}';

  test('the README names the WebSocket execution log group, and the REST one only as not this', () => {
    const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
    expect(readme).toContain(`Execution logs go to the log group \`${WEBSOCKET_GROUP}\``);
    expect(readme).not.toContain(REST_GROUP);
  });

  test("LoggingLevel's docs name the WebSocket execution log group", () => {
    const file = join(__dirname, '..', '.jsii');
    if (!existsSync(file)) {
      throw new Error('no .jsii assembly: run `npm run build` (or `npm run test:unit`) first');
    }
    const docs = JSON.stringify(JSON.parse(readFileSync(file, 'utf8')).types['cdk-websocket-stage.LoggingLevel'].docs);
    expect(docs).toContain(WEBSOCKET_GROUP);
    expect(docs).not.toContain(REST_GROUP);
  });
});

describe('AWS claims in the docs say only what AWS sources support (docs/aws-facts.md)', () => {
  // Claims an audit found unsupported: detailed metrics are not said to be billed as custom metrics (AWS: additional
  // CloudWatch charges), data trace is not tied to a logging level, and no AWS behaviour is claimed for route fields.
  const UNSUPPORTED = [/custom metrics/i, /paired with `?INFO/i, /used with the `?INFO/i, /does not fill/i];

  function assemblyDocs(): string {
    const types = JSON.parse(readFileSync(join(__dirname, '..', '.jsii'), 'utf8')).types;
    return JSON.stringify(['WebSocketStageProps', 'RouteSettings', 'LoggingLevel'].map((name) => types[`cdk-websocket-stage.${name}`]));
  }

  test.each(UNSUPPORTED)('neither the README nor the props\' docs claim %p', (claim) => {
    expect(readFileSync(join(__dirname, '..', 'README.md'), 'utf8')).not.toMatch(claim);
    expect(assemblyDocs()).not.toMatch(claim);
  });

  test('detailed metrics are said to incur additional CloudWatch charges, as AWS says', () => {
    expect(readFileSync(join(__dirname, '..', 'README.md'), 'utf8')).toContain('AWS says incur additional CloudWatch charges');
    expect(assemblyDocs()).toContain('AWS says incurs additional CloudWatch charges');
  });
});

// The wording of these errors is what tells the user what to fix: they are pinned in full.
describe('route settings error messages in full', () => {
  /* eslint-disable @typescript-eslint/no-explicit-any */
  test('a reserved route key lists the predefined ones', () => {
    expect(() => newStage(newApi(), { routeSettings: { $connnect: { detailedMetricsEnabled: true } } })).toThrow(new Error(
      "S/Stage: routeSettings key must be $connect, $disconnect, $default or a custom key that does not start with $ (got '$connnect')"));
  });

  test('a route given no settings at all says it needs an object', () => {
    expect(() => newStage(newApi()).addRouteSettings('$connect', undefined as any)).toThrow(new Error(
      "S/Stage: routeSettings.$connect must be an object of route settings (got 'undefined')"));
  });

  test('an unknown logging level lists the known ones', () => {
    expect(() => newStage(newApi(), { loggingLevel: 'DEBUG' as any })).toThrow(new Error(
      "S/Stage: loggingLevel must be one of OFF, ERROR, INFO (got 'DEBUG')"));
  });

  test('data trace with logging off says how to fix it', () => {
    expect(() => newStage(newApi(), { dataTraceEnabled: true, loggingLevel: LoggingLevel.OFF })).toThrow(new Error(
      'S/Stage: dataTraceEnabled cannot be true when loggingLevel is OFF: a rule of this library, since AWS documents data '
      + 'trace only as part of execution logging (full request and response logs, with INFO); set loggingLevel to ERROR or '
      + 'INFO, or leave dataTraceEnabled unset'));
  });
});

describe('renderRouteSettingsJson', () => {
  test('holds the fields that are set, under their CloudFormation names, and no others', () => {
    // toStrictEqual: a field set to undefined would still be a key of the rendered map.
    expect(renderRouteSettingsJson({ loggingLevel: LoggingLevel.INFO, throttle: { burstLimit: 5 } }))
      .toStrictEqual({ LoggingLevel: 'INFO', ThrottlingBurstLimit: 5 });
  });
});
