import { Template, Match } from 'aws-cdk-lib/assertions';
import { WebSocketStage } from '../src';
import { renderDefaultRouteSettings } from '../src/route-settings';
import { apiFixture } from './fixtures';

test('nothing set renders nothing', () => {
  expect(renderDefaultRouteSettings({})).toBeUndefined();
});

test('an empty throttle renders nothing, instead of an empty DefaultRouteSettings', () => {
  const { stack, api } = apiFixture();
  new WebSocketStage(stack, 'Stage', { webSocketApi: api, stageName: 'dev', throttle: {} });

  Template.fromStack(stack).hasResourceProperties('AWS::ApiGatewayV2::Stage', { DefaultRouteSettings: Match.absent() });
});

test('a rate limit alone renders only the rate limit', () => {
  expect(renderDefaultRouteSettings({ throttle: { rateLimit: 50 } })).toEqual({ throttlingRateLimit: 50 });
});

test('a burst limit alone renders only the burst limit', () => {
  expect(renderDefaultRouteSettings({ throttle: { burstLimit: 20 } })).toEqual({ throttlingBurstLimit: 20 });
});

test('detailedMetricsEnabled false on its own is written, not dropped', () => {
  const { stack, api } = apiFixture();
  new WebSocketStage(stack, 'Stage', { webSocketApi: api, stageName: 'dev', detailedMetricsEnabled: false });

  Template.fromStack(stack).hasResourceProperties('AWS::ApiGatewayV2::Stage', { DefaultRouteSettings: { DetailedMetricsEnabled: false } });
});

test('rate, burst and detailed metrics render together', () => {
  expect(renderDefaultRouteSettings({ throttle: { rateLimit: 1, burstLimit: 2 }, detailedMetricsEnabled: true }))
    .toEqual({ throttlingRateLimit: 1, throttlingBurstLimit: 2, detailedMetricsEnabled: true });
});
