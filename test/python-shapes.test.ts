import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { RouteSettings } from '../src';
import { deployTimeNumber, newApi, newStage } from './fixtures';

// What Python's shapes of route settings reach the library as. jsii converts a dict passed as a keyword argument
// (or as a struct's field) into the struct, but a dict inside the `route_settings` map is only filtered: the
// kernel keeps the struct's camelCase fields and drops snake_case keys. So
// `{"detailedMetricsEnabled": True, "throttle": {"rate_limit": 1}}` arrives as the first settings below.

/** The route settings the stage writes. */
function routeSettingsOf(stack: Stack) {
  return Object.values(Template.fromStack(stack).findResources('AWS::ApiGatewayV2::Stage'))[0].Properties.RouteSettings;
}

const THROTTLE_SETS_NOTHING = /^S\/Stage: routeSettings\.\$connect\.throttle sets nothing: give rateLimit, burstLimit or both/;

describe('a route throttle that arrives empty', () => {
  const arrivedFromAPythonDict: RouteSettings = { detailedMetricsEnabled: true, throttle: {} };

  test('is refused in routeSettings, naming the prop', () => {
    expect(() => newStage(newApi(), { throttle: { rateLimit: 100 }, routeSettings: { $connect: arrivedFromAPythonDict } }))
      .toThrow(THROTTLE_SETS_NOTHING);
  });

  test('is refused by addRouteSettings, naming the prop', () => {
    const stage = newStage(newApi());
    expect(() => stage.addRouteSettings('$connect', arrivedFromAPythonDict)).toThrow(THROTTLE_SETS_NOTHING);
  });

  test('the error tells Python users the shapes that keep every field', () => {
    expect(() => newStage(newApi(), { routeSettings: { $connect: arrivedFromAPythonDict } }))
      .toThrow(/RouteSettings\(\.\.\.\) and ThrottleSettings\(\.\.\.\), or keyword arguments to add_route_settings\(route_key, throttle=/);
  });

  test('a route that sets nothing at all is refused as a whole, with the same advice', () => {
    expect(() => newStage(newApi(), { routeSettings: { $connect: { throttle: {} } } }))
      .toThrow(/^S\/Stage: routeSettings\.\$connect sets nothing: .*keyword arguments to add_route_settings/);
  });
});

describe('a route throttle that sets one limit', () => {
  test.each<[string, RouteSettings['throttle'], object]>([
    ['rateLimit', { rateLimit: 1 }, { ThrottlingRateLimit: 1 }],
    ['burstLimit', { burstLimit: 0 }, { ThrottlingBurstLimit: 0 }],
  ])('is accepted with only %s', (_field, throttle, written) => {
    const stage = newStage(newApi());
    stage.addRouteSettings('$connect', { throttle });
    expect(routeSettingsOf(stage.stack)).toEqual({ $connect: written });
  });

  test('is accepted when the limit is only known at deploy time', () => {
    const stage = newStage(newApi());
    const rateLimit = deployTimeNumber(stage.stack, 'Rate');
    stage.addRouteSettings('$connect', { throttle: { rateLimit } });
    expect(routeSettingsOf(stage.stack)).toEqual({ $connect: { ThrottlingRateLimit: { Ref: 'Rate' } } });
  });
});

test("the stage's own empty throttle stays accepted, as in aws-cdk-lib: it is never inside a map", () => {
  expect(() => newStage(newApi(), { throttle: {} })).not.toThrow();
});
