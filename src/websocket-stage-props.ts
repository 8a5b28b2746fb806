import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as logs from 'aws-cdk-lib/aws-logs';
import { AccessLogSettings } from './access-log';
import { LoggingLevel, RouteSettings } from './route-settings';

/**
 * Properties of a `WebSocketStage`: the props of aws-cdk-lib's `WebSocketStageProps`, with the same names.
 */
export interface WebSocketStageProps {
  /**
   * The WebSocket API the stage belongs to.
   */
  readonly webSocketApi: apigwv2.IWebSocketApi;

  /**
   * The name of the stage, which is the last part of its URL: 1-128 characters of A-Z a-z 0-9 - _.
   *
   * API Gateway v2 also allows `$default`, the default stage of HTTP APIs; this library refuses it, since stages of
   * that name on WebSocket APIs are reported to refuse connections (429) and write no execution logs.
   *
   * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-apigatewayv2-stage.html#cfn-apigatewayv2-stage-stagename
   */
  readonly stageName: string;

  /**
   * Whether every change to the API is deployed to this stage automatically.
   *
   * @default - not set, and API Gateway does not deploy automatically: the stage serves nothing until a
   * deployment is made
   */
  readonly autoDeploy?: boolean;

  /**
   * Maps the stage on a custom domain name, optionally under a mapping key (a path), creating an
   * `AWS::ApiGatewayV2::ApiMapping`. An empty key maps the stage on the root of the domain, as no key does.
   * The key may hold at most 300 characters of A-Z a-z 0-9 $ - _ . + ! * ' ( ).
   *
   * No other stage of the app may map the same domain and key in the same account and region.
   *
   * @default - no custom domain mapping
   * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/websocket-api-custom-domain-names.html
   */
  readonly domainMapping?: apigwv2.DomainMappingOptions;

  /**
   * Whether the resources that aws-cdk-lib's `WebSocketStage` also creates keep the logical ids it gives them, for
   * a stack switched from that stage: without it, the `domainMapping`'s `AWS::ApiGatewayV2::ApiMapping` gets a
   * new logical id, and CloudFormation replaces the mapping (the stage's own logical id is the same either way).
   * The mapping's id then embeds the domain construct's path and the key, as aws-cdk-lib's does, so renaming or
   * moving the domain construct, or changing the key, replaces the mapping.
   *
   * @default false - the mapping is the stage's child `ApiMapping`, which renaming or moving the domain
   * construct, or changing the key, updates in place
   */
  readonly awsCdkLibLogicalIds?: boolean;

  /**
   * Default throttling for every route of the stage. `rateLimit` is a number of requests per second >= 0;
   * `burstLimit` is a whole number of requests >= 0.
   *
   * @default - no stage throttling: the account-level limits apply
   * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-request-throttling.html
   */
  readonly throttle?: apigwv2.ThrottleSettings;

  /**
   * A description of the stage, at most 1024 characters.
   *
   * @default - no description
   */
  readonly description?: string;

  /**
   * Whether API Gateway publishes per-route metrics for the stage, which AWS says incurs additional CloudWatch charges.
   * `false` is written to the template as given.
   *
   * @default - not set; API Gateway's default is false
   */
  readonly detailedMetricsEnabled?: boolean;

  /**
   * Access logging for the stage.
   *
   * @default - no access logging
   */
  readonly accessLogSettings?: AccessLogSettings;

  /**
   * Stage variables, available to integrations as `${stageVariables.name}`. Names are A-Z a-z 0-9 _;
   * values are 1-2048 characters of A-Z a-z 0-9 - . _ ~ : / ? # & = ,. More can be added with
   * `addStageVariable`.
   *
   * @default - no stage variables
   * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/websocket-api-stages.html
   */
  readonly stageVariables?: { [name: string]: string };

  /**
   * How much every route writes to the execution logs (`DefaultRouteSettings.LoggingLevel`). Logging needs the
   * account's CloudWatch Logs role: see `cloudWatchRole`.
   *
   * @default - not set: API Gateway writes no execution logs
   */
  readonly loggingLevel?: LoggingLevel;

  /**
   * Whether every route has data trace logging (`DefaultRouteSettings.DataTraceEnabled`). AWS describes data trace
   * as full request and response logging and recommends against it for production APIs: payloads may hold personal
   * or secret data. AWS does not say which logging level it needs. This library's own rules: it needs a
   * `loggingLevel` of ERROR or INFO (unset is OFF), and a warning is added when it is on.
   *
   * @default - not set: no data trace
   */
  readonly dataTraceEnabled?: boolean;

  /**
   * How long the stage's execution logs are kept. The stage then creates the log group API Gateway writes them
   * to, `/aws/apigateway/{apiId}/{stageName}`, with this retention, and waits for it, so that API Gateway never
   * creates one of its own that keeps the logs forever. The group is `executionLogGroup`. It is retained when
   * the stage or stack is deleted (the logs still expire), and deleted only when the deployment that created it
   * rolls back (`RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE`): call `executionLogGroup.applyRemovalPolicy()` to
   * change that. A warning is added when neither the stage nor any route writes execution logs (`loggingLevel` ERROR or
   * INFO, or `dataTraceEnabled`). No AWS page states that name for WebSocket stages (AWS documents
   * `API-Gateway-Execution-Logs_{restApiId}/{stageName}` for REST APIs): it is the one deployed WebSocket stages are
   * reported to write to. Were it wrong, this group would stay empty while API Gateway wrote to a group of its own.
   *
   * @default - no log group is created: API Gateway creates it at its first execution log, and keeps the logs forever
   * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/websocket-api-logging.html
   */
  readonly executionLogRetention?: logs.RetentionDays;

  /**
   * Settings of individual routes, by route key (`$connect`, `$disconnect`, `$default` or a custom key). A route
   * starts from the stage's `throttle`, `loggingLevel`, `dataTraceEnabled` and `detailedMetricsEnabled`, and
   * overrides what it sets. The library writes the merged values into each route's settings, so the template shows
   * what every route gets, whatever API Gateway would do with a field left out. More can be added with
   * `addRouteSettings`.
   *
   * @default - no per-route settings
   */
  readonly routeSettings?: { [routeKey: string]: RouteSettings };

  /**
   * Whether to set up API Gateway's account-level CloudWatch Logs role in this stack: an IAM role with the
   * `AmazonAPIGatewayPushToCloudWatchLogs` managed policy and the `AWS::ApiGateway::Account` that uses it, once
   * per stack however many stages ask, retained on deletion. The stage waits for it. An `AWS::ApiGateway::Account`
   * already in the stack (a `RestApi`'s, or an L1) is used instead; one added after the stage fails the synthesis,
   * since the two would fight over the setting. The setting is one per account and region: set it in one stack only.
   *
   * @default false
   * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html
   */
  readonly cloudWatchRole?: boolean;

  /**
   * Tags of the stage, which also go on every taggable resource the stage makes, as with `Tags.of(stage)`: its
   * execution log group and its recommended alarms. At most 50; keys 1-128 characters and values at most 256, of
   * letters, digits, spaces and `+ - = . _ : / @`, neither starting with `aws:`: the rules of API Gateway, CloudWatch
   * Logs and CloudWatch alarms alike. Alarms also take no empty value, so `addRecommendedAlarms` refuses a stage with one.
   *
   * @default - no tags
   */
  readonly tags?: { [key: string]: string };

  /**
   * The client certificate API Gateway presents to HTTP integrations of the stage, for mutual TLS with the backend.
   *
   * @default - no client certificate
   */
  readonly clientCertificateId?: string;

  /**
   * Whether the stage manages its own `AWS::ApiGatewayV2::Deployment`, for stages without `autoDeploy`. The
   * deployment waits for every route, integration, authorizer and model of the API, and is replaced (so the API
   * is published again) whenever one of them changes. Only what API Gateway deploys counts, not the resources'
   * metadata: `cdk synth` and a unit test's `Template.fromStack` give the deployment the same logical id. Use it to publish changes only through CloudFormation,
   * in step with the stack; it cannot be combined with `autoDeploy: true`.
   *
   * @default false
   */
  readonly managedDeployment?: boolean;
}

/**
 * What identifies an existing WebSocket stage.
 */
export interface WebSocketStageAttributes {
  /**
   * The WebSocket API the stage belongs to.
   */
  readonly api: apigwv2.IWebSocketApi;

  /**
   * The name of the stage.
   */
  readonly stageName: string;
}
