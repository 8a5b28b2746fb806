import { Lazy } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { WebSocketAccessLogFormat } from '../src';
import { ACCESS_LOG_FORMAT_MAX_BYTES, defaultWebSocketAccessLogFormat } from '../src/access-log';
import { errorNaming, newApi, newLogGroup, newStage } from './fixtures';

const WEBSOCKET_FORMAT = '$context.identity.sourceIp $context.identity.caller $context.identity.user [$context.requestTime] '
  + '"$context.eventType $context.routeKey $context.connectionId" $context.status $context.requestId';

const custom = (text: string) => apigateway.AccessLogFormat.custom(text);

test('the default format is the WebSocket line of aws-cdk-lib', () => {
  expect(defaultWebSocketAccessLogFormat().toString()).toBe(WEBSOCKET_FORMAT);
});

test('a log group destination gets the default format', () => {
  const api = newApi();
  const logGroup = newLogGroup(api.stack);
  newStage(api, { accessLogSettings: { destination: new apigwv2.LogGroupLogDestination(logGroup) } });

  Template.fromStack(api.stack).hasResourceProperties('AWS::ApiGatewayV2::Stage', {
    AccessLogSettings: { DestinationArn: api.stack.resolve(logGroup.logGroupArn), Format: WEBSOCKET_FORMAT },
  });
});

test('a custom format is written as given', () => {
  const api = newApi();
  const format = apigateway.AccessLogFormat.custom(JSON.stringify({
    requestId: apigateway.AccessLogField.contextRequestId(),
    connectionId: apigateway.AccessLogField.contextConnectionId(),
  }));
  newStage(api, { accessLogSettings: { destination: new apigwv2.LogGroupLogDestination(newLogGroup(api.stack)), format } });

  Template.fromStack(api.stack).hasResourceProperties('AWS::ApiGatewayV2::Stage', {
    AccessLogSettings: { Format: '{"requestId":"$context.requestId","connectionId":"$context.connectionId"}' },
  });
});

test.each([
  ['contextRequestId', apigateway.AccessLogField.contextRequestId()],
  ['contextExtendedRequestId', apigateway.AccessLogField.contextExtendedRequestId()],
])('a format with %s passes', (_name, field) => {
  const api = newApi();
  const destination = new apigwv2.LogGroupLogDestination(newLogGroup(api.stack));

  expect(() => newStage(api, { accessLogSettings: { destination, format: custom(`${field} $context.routeKey`) } })).not.toThrow();
});

test.each(['', '$context.connectionId', '$context.requestIdXxx'])('fails when the format is %p', (text) => {
  const api = newApi();
  const destination = new apigwv2.LogGroupLogDestination(newLogGroup(api.stack));

  expect(() => newStage(api, { accessLogSettings: { destination, format: custom(text) } }))
    .toThrow(errorNaming('accessLogSettings.format', text));
});

test('fails when the format is over the 3 KB WebSocket template quota', () => {
  const api = newApi();
  const destination = new apigwv2.LogGroupLogDestination(newLogGroup(api.stack));
  const text = `$context.requestId ${'x'.repeat(ACCESS_LOG_FORMAT_MAX_BYTES)}`;

  // The format has a request id: only the size check can fail it. The error gives the limit and the size.
  expect(() => newStage(api, { accessLogSettings: { destination, format: custom(text) } }))
    .toThrow(/^S\/Stage: accessLogSettings\.format .*3072 bytes.*3091 bytes/);
});

test('a format of exactly 3 KB passes', () => {
  const api = newApi();
  const destination = new apigwv2.LogGroupLogDestination(newLogGroup(api.stack));
  const text = `$context.requestId ${'x'.repeat(ACCESS_LOG_FORMAT_MAX_BYTES - 19)}`;

  expect(() => newStage(api, { accessLogSettings: { destination, format: custom(text) } })).not.toThrow();
});

test('a format that is a deploy-time value is not checked', () => {
  const api = newApi();
  const destination = new apigwv2.LogGroupLogDestination(newLogGroup(api.stack));
  newStage(api, { accessLogSettings: { destination, format: custom(Lazy.string({ produce: () => '$context.connectionId' })) } });

  Template.fromStack(api.stack).hasResourceProperties('AWS::ApiGatewayV2::Stage', {
    AccessLogSettings: { Format: '$context.connectionId' },
  });
});

describe('WebSocketAccessLogFormat', () => {
  test('jsonWithWebSocketFields is one JSON object of the WebSocket fields', () => {
    const parsed = JSON.parse(WebSocketAccessLogFormat.jsonWithWebSocketFields().toString());

    expect(parsed).toEqual({
      requestId: '$context.requestId',
      connectionId: '$context.connectionId',
      eventType: '$context.eventType',
      routeKey: '$context.routeKey',
      messageId: '$context.messageId',
      status: '$context.status',
      requestTime: '$context.requestTime',
      sourceIp: '$context.identity.sourceIp',
      errorMessage: '$context.error.message',
      integrationStatus: '$context.integration.status',
      integrationError: '$context.integration.error',
      integrationLatency: '$context.integration.latency',
    });
  });

  test('jsonWithWebSocketFields is accepted by the stage and written as given', () => {
    const api = newApi();
    const format = WebSocketAccessLogFormat.jsonWithWebSocketFields();
    newStage(api, { accessLogSettings: { destination: new apigwv2.LogGroupLogDestination(newLogGroup(api.stack)), format } });

    Template.fromStack(api.stack).hasResourceProperties('AWS::ApiGatewayV2::Stage', { AccessLogSettings: { Format: format.toString() } });
  });

  test('standard is the default format', () => {
    expect(WebSocketAccessLogFormat.standard().toString()).toBe(WEBSOCKET_FORMAT);
  });
});
