import { Lazy } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as logs from 'aws-cdk-lib/aws-logs';
import { AccessLogSettings, WebSocketAccessLogFormat, WebSocketStage } from '../src';
import { ACCESS_LOG_FORMAT_MAX_BYTES, defaultWebSocketAccessLogFormat } from '../src/access-log';
import { quote } from '../src/validation';
import { apiFixture } from './fixtures';

const WEBSOCKET_FORMAT = '$context.identity.sourceIp $context.identity.caller $context.identity.user [$context.requestTime] '
  + '"$context.eventType $context.routeKey $context.connectionId" $context.status $context.requestId';

const MISSING_REQUEST_ID = 'accessLogSettings.format must include $context.requestId or $context.extendedRequestId '
  + '(AccessLogField.contextRequestId() or AccessLogField.contextExtendedRequestId())';

function stageWithAccessLogs(settings: (logGroup: logs.LogGroup) => AccessLogSettings) {
  const { stack, api } = apiFixture();
  const logGroup = new logs.LogGroup(stack, 'Logs');
  new WebSocketStage(stack, 'Stage', { webSocketApi: api, stageName: 'dev', accessLogSettings: settings(logGroup) });
  return stack;
}

test('the default format is the WebSocket line of aws-cdk-lib', () => {
  expect(defaultWebSocketAccessLogFormat().toString()).toBe(WEBSOCKET_FORMAT);
});

test('a log group destination gets the default format', () => {
  const stack = stageWithAccessLogs((logGroup) => ({ destination: new apigwv2.LogGroupLogDestination(logGroup) }));

  Template.fromStack(stack).hasResourceProperties('AWS::ApiGatewayV2::Stage', {
    AccessLogSettings: { DestinationArn: { 'Fn::GetAtt': ['Logs6819BB44', 'Arn'] }, Format: WEBSOCKET_FORMAT },
  });
});

test('a custom format is written as given', () => {
  const format = apigateway.AccessLogFormat.custom(JSON.stringify({
    requestId: apigateway.AccessLogField.contextRequestId(),
    connectionId: apigateway.AccessLogField.contextConnectionId(),
  }));
  const stack = stageWithAccessLogs((logGroup) => ({ destination: new apigwv2.LogGroupLogDestination(logGroup), format }));

  Template.fromStack(stack).hasResourceProperties('AWS::ApiGatewayV2::Stage', {
    AccessLogSettings: { Format: '{"requestId":"$context.requestId","connectionId":"$context.connectionId"}' },
  });
});

test.each([
  ['contextRequestId', apigateway.AccessLogField.contextRequestId()],
  ['contextExtendedRequestId', apigateway.AccessLogField.contextExtendedRequestId()],
])('a format with %s passes', (_name, field) => {
  expect(() => stageWithAccessLogs((logGroup) => ({
    destination: new apigwv2.LogGroupLogDestination(logGroup),
    format: apigateway.AccessLogFormat.custom(`${field} $context.routeKey`),
  }))).not.toThrow();
});

test.each(['', '$context.connectionId', '$context.requestIdXxx'])('fails when the format is %p', (text) => {
  expect(() => stageWithAccessLogs((logGroup) => ({
    destination: new apigwv2.LogGroupLogDestination(logGroup),
    format: apigateway.AccessLogFormat.custom(text),
  }))).toThrow(`${MISSING_REQUEST_ID} (got ${quote(text)})`);
});

test('fails when the format is over the 3 KB WebSocket template quota', () => {
  const text = `$context.requestId ${'x'.repeat(ACCESS_LOG_FORMAT_MAX_BYTES)}`;

  expect(() => stageWithAccessLogs((logGroup) => ({
    destination: new apigwv2.LogGroupLogDestination(logGroup),
    format: apigateway.AccessLogFormat.custom(text),
  }))).toThrow(`accessLogSettings.format must be at most 3072 bytes, the WebSocket access log template quota; it is 3091 bytes (got ${quote(text)})`);
});

test('a format of exactly 3 KB passes', () => {
  const text = `$context.requestId ${'x'.repeat(ACCESS_LOG_FORMAT_MAX_BYTES - 19)}`;

  expect(() => stageWithAccessLogs((logGroup) => ({
    destination: new apigwv2.LogGroupLogDestination(logGroup),
    format: apigateway.AccessLogFormat.custom(text),
  }))).not.toThrow();
});

test('a format that is a deploy-time value is not checked', () => {
  const stack = stageWithAccessLogs((logGroup) => ({
    destination: new apigwv2.LogGroupLogDestination(logGroup),
    format: apigateway.AccessLogFormat.custom(Lazy.string({ produce: () => '$context.connectionId' })),
  }));

  Template.fromStack(stack).hasResourceProperties('AWS::ApiGatewayV2::Stage', {
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
    const format = WebSocketAccessLogFormat.jsonWithWebSocketFields();
    const stack = stageWithAccessLogs((logGroup) => ({ destination: new apigwv2.LogGroupLogDestination(logGroup), format }));

    Template.fromStack(stack).hasResourceProperties('AWS::ApiGatewayV2::Stage', { AccessLogSettings: { Format: format.toString() } });
  });

  test('standard is the default format', () => {
    expect(WebSocketAccessLogFormat.standard().toString()).toBe(WEBSOCKET_FORMAT);
  });
});
