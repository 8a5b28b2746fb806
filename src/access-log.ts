import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { Token } from 'aws-cdk-lib/core';
import { checkKnownKeys, checkType, invalidInput, keysOf } from './validation';

/**
 * Where and how a WebSocket stage writes its access logs.
 *
 * A struct, unlike aws-cdk-lib's `IAccessLogSettings`, so that Python, Java, .NET and Go users can pass
 * plain keyword arguments, a dict or a builder.
 *
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/websocket-api-logging.html
 */
export interface AccessLogSettings {
  /**
   * Where the access logs go, for example `new LogGroupLogDestination(logGroup)`.
   */
  readonly destination: apigwv2.IAccessLogDestination;

  /**
   * The format of each access log line. It must contain `$context.requestId` or
   * `$context.extendedRequestId`, and be at most 3 KB (the WebSocket access log template quota).
   *
   * @default - the WebSocket format of aws-cdk-lib's stage: source IP, caller, user, request time,
   * event type, route key, connection id, status and request id
   */
  readonly format?: apigateway.AccessLogFormat;
}

/** The fields of `AccessLogSettings`, to refuse keys that would be ignored. */
const FIELDS = keysOf<AccessLogSettings>({ destination: true, format: true });

/** The largest access log template API Gateway accepts for a WebSocket API, in bytes. */
export const ACCESS_LOG_FORMAT_MAX_BYTES = 3 * 1024;

/** A format must carry one of these variables, as a whole word, so that log lines can be traced. */
const REQUEST_ID_VARIABLE = /\$context\.(?:requestId|extendedRequestId)\b/;

/**
 * The default WebSocket access log format, the same line aws-cdk-lib's `WebSocketStage` writes.
 */
export function defaultWebSocketAccessLogFormat(): apigateway.AccessLogFormat {
  const field = apigateway.AccessLogField;
  const requester = [field.contextIdentitySourceIp(), field.contextIdentityCaller(), field.contextIdentityUser()].join(' ');
  const request = [field.contextEventType(), field.contextRouteKey(), field.contextConnectionId()].join(' ');
  const status = [field.contextStatus(), field.contextRequestId()].join(' ');
  return apigateway.AccessLogFormat.custom(`${requester} [${field.contextRequestTime()}] "${request}" ${status}`);
}

/**
 * Validates an access log format and returns its text. Formats that are tokens are not checked.
 */
function accessLogFormatText(format: apigateway.AccessLogFormat): string {
  const text = format.toString();
  if (Token.isUnresolved(text)) {
    return text;
  }
  if (!REQUEST_ID_VARIABLE.test(text)) {
    throw invalidInput('accessLogSettings.format',
      'must include $context.requestId or $context.extendedRequestId (AccessLogField.contextRequestId() or AccessLogField.contextExtendedRequestId())',
      text);
  }
  const bytes = Buffer.byteLength(text); // UTF-8, the encoding API Gateway counts in
  if (bytes > ACCESS_LOG_FORMAT_MAX_BYTES) {
    throw invalidInput('accessLogSettings.format',
      `must be at most ${ACCESS_LOG_FORMAT_MAX_BYTES} bytes, the WebSocket access log template quota; it is ${bytes} bytes`,
      text);
  }
  return text;
}

/**
 * Renders the stage's `AccessLogSettings` property, binding the destination to the stage.
 */
export function renderAccessLogSettings(
  stage: apigwv2.IStage,
  settings: AccessLogSettings | undefined,
): apigwv2.CfnStage.AccessLogSettingsProperty | undefined {
  if (!settings) {
    return undefined;
  }
  checkKnownKeys('accessLogSettings', settings, FIELDS);
  const destination: unknown = settings.destination;
  checkType('accessLogSettings.destination', destination, 'object');
  if (typeof (destination as Partial<apigwv2.IAccessLogDestination> | undefined)?.bind !== 'function') {
    throw invalidInput('accessLogSettings.destination', 'must be given, as an access log destination such as new '
      + 'LogGroupLogDestination(logGroup)', destination);
  }
  const format = accessLogFormatText(settings.format ?? defaultWebSocketAccessLogFormat());
  return {
    destinationArn: settings.destination.bind(stage).destinationArn,
    format,
  };
}

/**
 * Access log formats made for WebSocket APIs.
 */
export class WebSocketAccessLogFormat {
  /**
   * One JSON object per line with the fields that matter on a WebSocket API: requestId, connectionId,
   * eventType, routeKey, messageId, status, requestTime, sourceIp, the error message, and the integration's
   * status, error and latency. Structured lines are what log tooling and cdk-nag's serverless rules expect.
   *
   * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/websocket-api-logging.html
   */
  public static jsonWithWebSocketFields(): apigateway.AccessLogFormat {
    return apigateway.AccessLogFormat.custom(JSON.stringify({
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
    }));
  }

  /**
   * The space-separated line aws-cdk-lib's WebSocket stage writes, the default of `accessLogSettings.format`.
   */
  public static standard(): apigateway.AccessLogFormat {
    return defaultWebSocketAccessLogFormat();
  }

  /* istanbul ignore next -- never called: the class only holds static factories */
  private constructor() {}
}
