// Operations: throttling, execution logging with the account's CloudWatch role, JSON WebSocket access logs, route
// settings and detailed metrics, read back from the deployed stage; then, after traffic, the execution log group
// under its WebSocket name, an access log entry with the WebSocket fields, and the per-route metric dimension.
import { ExpectedResult, IntegTest, Match } from '@aws-cdk/integ-tests-alpha';
import { Duration, Stack } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as logs from 'aws-cdk-lib/aws-logs';
import { LoggingLevel, WebSocketAccessLogFormat, WebSocketStage } from 'cdk-websocket-stage';
import { addBackendRoute, assertRoundTrip, connectBackend, newBackend, newClient, newIntegApp, stageResourceArn } from './fixtures';

const app = newIntegApp();
const stack = new Stack(app, 'Operations', { stackName: 'cdk-websocket-stage-integ-operations' });

const api = new apigwv2.WebSocketApi(stack, 'Api');
const backend = newBackend(stack, 'Backend');
addBackendRoute(api, '$default', backend);
addBackendRoute(api, 'ping', backend);
const accessLogs = new logs.LogGroup(stack, 'AccessLogs', { retention: logs.RetentionDays.ONE_DAY });
const stage = new WebSocketStage(stack, 'Stage', {
  webSocketApi: api,
  stageName: 'ops',
  autoDeploy: true,
  throttle: { rateLimit: 100, burstLimit: 50 },
  loggingLevel: LoggingLevel.INFO,
  cloudWatchRole: true,
  detailedMetricsEnabled: true,
  accessLogSettings: {
    destination: new apigwv2.LogGroupLogDestination(accessLogs),
    format: WebSocketAccessLogFormat.jsonWithWebSocketFields(),
  },
  // Only the rate limit is the route's own: the burst limit, logging level and metrics come from the stage.
  routeSettings: { ping: { throttle: { rateLimit: 10 } } },
});
connectBackend(backend, stage);
const client = newClient(stack, 'Client', stage);

const integ = new IntegTest(app, 'OperationsTest', { testCases: [stack] });
const { assertions } = integ;

// The stage as API Gateway holds it. The route's unset fields are filled from the stage's values in the template,
// since API Gateway does not inherit them: the read-back shows what the route really has.
const stageSettings = assertions.awsApiCall('ApiGatewayV2', 'getStage', { ApiId: api.apiId, StageName: stage.stageName });
// The SDK's service is ApiGatewayV2, but IAM knows reading a stage as apigateway:GET.
stageSettings.provider.addToRolePolicy({ Effect: 'Allow', Action: ['apigateway:GET'], Resource: [stageResourceArn(stage)] });
stageSettings.expect(ExpectedResult.objectLike({
  StageName: 'ops',
  AutoDeploy: true,
  DefaultRouteSettings: Match.objectLike({
    ThrottlingRateLimit: 100,
    ThrottlingBurstLimit: 50,
    LoggingLevel: 'INFO',
    DetailedMetricsEnabled: true,
  }),
  RouteSettings: Match.objectLike({
    ping: Match.objectLike({ ThrottlingRateLimit: 10, ThrottlingBurstLimit: 50, LoggingLevel: 'INFO', DetailedMetricsEnabled: true }),
  }),
  AccessLogSettings: Match.objectLike({ Format: Match.stringLikeRegexp('"connectionId"') }),
}));

// Traffic on the ping route, then what it leaves behind. Logs and metrics arrive after a delay: wait for them.
const traffic = assertRoundTrip(integ, client, 'ping', 'logged');

const executionLogGroup = assertions.awsApiCall('CloudWatchLogs', 'describeLogGroups', {
  logGroupNamePrefix: `/aws/apigateway/${api.apiId}/${stage.stageName}`,
}).assertAtPath('logGroups.0.logGroupName', ExpectedResult.exact(`/aws/apigateway/${api.apiId}/${stage.stageName}`))
  .waitForAssertions({ totalTimeout: Duration.minutes(10), interval: Duration.seconds(30) });

const accessLogEntry = assertions.awsApiCall('CloudWatchLogs', 'filterLogEvents', {
  logGroupName: accessLogs.logGroupName,
  filterPattern: '{ ($.routeKey = "ping") && ($.eventType = "MESSAGE") }',
}).assertAtPath('events.0.message.connectionId', ExpectedResult.stringLikeRegexp('.+'))
  .waitForAssertions({ totalTimeout: Duration.minutes(10), interval: Duration.seconds(30) });

// API Gateway publishes the Route dimension only for routes with detailed metrics; its value is the route key.
const routeMetric = assertions.awsApiCall('CloudWatch', 'listMetrics', {
  Namespace: 'AWS/ApiGateway',
  MetricName: 'MessageCount',
  Dimensions: [
    { Name: 'ApiId', Value: api.apiId },
    { Name: 'Stage', Value: stage.stageName },
    { Name: 'Route', Value: 'ping' },
  ],
}).assertAtPath('Metrics.0.MetricName', ExpectedResult.exact('MessageCount'))
  .waitForAssertions({ totalTimeout: Duration.minutes(20), interval: Duration.minutes(1) });

stageSettings.next(traffic).next(executionLogGroup).next(accessLogEntry).next(routeMetric);
