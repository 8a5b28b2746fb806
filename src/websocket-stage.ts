import { Lazy, Resource } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as iam from 'aws-cdk-lib/aws-iam';
import { aws_apigatewayv2 as apigwv2Refs } from 'aws-cdk-lib/interfaces';
import { Construct } from 'constructs';
import { AccessLogSettings, defaultWebSocketAccessLogFormat, renderAccessLogSettings } from './access-log';
import { addDomainMapping } from './domain-mapping';
import { grantManageConnections } from './grants';
import { stageMetric } from './metrics';
import { renderDefaultRouteSettings } from './route-settings';
import { executeApiUrl } from './urls';
import { checkStageName, checkString, RULES } from './validation';

/**
 * A WebSocket stage, defined in this app or imported. It is an aws-cdk-lib `IWebSocketStage`, so it can be
 * passed to every aws-cdk-lib API that takes one, such as usage plans.
 */
export interface IWebSocketStage extends apigwv2.IWebSocketStage {
  /**
   * Grants `execute-api:ManageConnections` on the stage's @connections API (POST, GET and DELETE), so the
   * grantee can send messages to connected clients, read their connection details and disconnect them.
   *
   * @param identity the principal, for example a Lambda function
   * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-how-to-call-websocket-api-connections.html
   */
  grantManagementApiAccess(identity: iam.IGrantable): iam.Grant;
}

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
   * `$default` is refused: it is the HTTP API catch-all stage, and WebSocket clients always connect to a
   * named stage.
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
   * @default - no custom domain mapping
   * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/websocket-api-custom-domain-names.html
   */
  readonly domainMapping?: apigwv2.DomainMappingOptions;

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
   * Whether API Gateway publishes per-route metrics for the stage (billed as custom metrics).
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

/**
 * A stage of an API Gateway v2 WebSocket API.
 *
 * A drop-in replacement for aws-cdk-lib's `aws_apigatewayv2.WebSocketStage`: the same props, members and
 * template for the same inputs, with every input checked when the stage is constructed.
 *
 * @resource AWS::ApiGatewayV2::Stage
 */
export class WebSocketStage extends Resource implements IWebSocketStage {
  /**
   * Refers to a stage defined outside this app. Its URLs, grants and metrics work as on a stage defined here.
   *
   * @param scope the scope of the imported stage
   * @param id its construct id
   * @param attrs what identifies the stage
   */
  public static fromWebSocketStageAttributes(scope: Construct, id: string, attrs: WebSocketStageAttributes): IWebSocketStage {
    checkStageName('stageName', attrs.stageName);
    return new ImportedWebSocketStage(scope, id, attrs);
  }

  /**
   * The name of the stage.
   *
   * @attribute
   */
  public readonly stageName: string;

  /**
   * The WebSocket API the stage belongs to.
   */
  public readonly api: apigwv2.IWebSocketApi;

  private readonly stageVariables: { [name: string]: string } = {};

  /**
   * @param scope the scope of the stage
   * @param id its construct id
   * @param props the stage's settings
   */
  constructor(scope: Construct, id: string, props: WebSocketStageProps) {
    super(scope, id, { physicalName: props.stageName });
    checkStageName('stageName', props.stageName);
    checkString('description', props.description, RULES.description);
    for (const [name, value] of Object.entries(props.stageVariables ?? {})) {
      this.addStageVariable(name, value);
    }

    this.api = props.webSocketApi;
    this.stageName = this.physicalName;

    const resource = new apigwv2.CfnStage(this, 'Resource', {
      apiId: this.api.apiId,
      stageName: this.stageName,
      autoDeploy: props.autoDeploy,
      description: props.description,
      defaultRouteSettings: renderDefaultRouteSettings({
        throttle: props.throttle,
        detailedMetricsEnabled: props.detailedMetricsEnabled,
      }),
      stageVariables: Lazy.any({ produce: () => this.renderStageVariables() }),
      accessLogSettings: renderAccessLogSettings(this, props.accessLogSettings),
    });

    if (props.domainMapping) {
      addDomainMapping(this, resource, props.domainMapping);
    }
  }

  /**
   * The stage's API and name, for aws-cdk-lib APIs that take a stage reference.
   */
  public get stageRef(): apigwv2Refs.StageReference {
    return stageReference(this);
  }

  /**
   * The URL clients connect to: `wss://{apiId}.execute-api.{region}.{urlSuffix}/{stageName}`.
   */
  public get url(): string {
    return executeApiUrl(this, 'wss');
  }

  /**
   * The base URL of the @connections management API: `https://{apiId}.execute-api.{region}.{urlSuffix}/{stageName}`.
   * Backends send to a client with `POST {callbackUrl}/@connections/{connectionId}`.
   *
   * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-how-to-call-websocket-api-connections.html
   */
  public get callbackUrl(): string {
    return executeApiUrl(this, 'https');
  }

  /**
   * Adds a stage variable, or replaces the value of an existing one. The name and value follow the rules of
   * the `stageVariables` prop.
   *
   * @param name the variable's name: A-Z a-z 0-9 _
   * @param value its value: 1-2048 characters of A-Z a-z 0-9 - . _ ~ : / ? # & = ,
   */
  public addStageVariable(name: string, value: string): void {
    checkString('stageVariables name', name, RULES.stageVariableName);
    checkString(`stageVariables.${name}`, value, RULES.stageVariableValue);
    this.stageVariables[name] = value;
  }

  /**
   * Grants `execute-api:ManageConnections` on the stage's @connections API (POST, GET and DELETE), so the
   * grantee can send messages to connected clients, read their connection details and disconnect them.
   *
   * @param identity the principal, for example a Lambda function
   */
  public grantManagementApiAccess(identity: iam.IGrantable): iam.Grant {
    return grantManageConnections(this.api, this.stageName, identity);
  }

  /**
   * A CloudWatch metric of the stage, with the `ApiId` and `Stage` dimensions added to any dimensions you pass.
   *
   * @param metricName the metric's name in the `AWS/ApiGateway` namespace, for example `MessageCount`
   * @param props metric options
   * @default - statistic Average, period 5 minutes
   */
  public metric(metricName: string, props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return stageMetric(this, metricName, props);
  }

  /**
   * The access log format used when `accessLogSettings` has no `format`: the WebSocket format of
   * aws-cdk-lib's stage.
   */
  public defaultAccessLogFormat(): apigateway.AccessLogFormat {
    return defaultWebSocketAccessLogFormat();
  }

  private renderStageVariables(): { [name: string]: string } | undefined {
    return Object.keys(this.stageVariables).length > 0 ? { ...this.stageVariables } : undefined;
  }
}

/**
 * A stage defined outside this app. It has everything that needs only the API and the stage name.
 */
class ImportedWebSocketStage extends Resource implements IWebSocketStage {
  public readonly api: apigwv2.IWebSocketApi;
  public readonly stageName: string;

  constructor(scope: Construct, id: string, attrs: WebSocketStageAttributes) {
    super(scope, id);
    this.api = attrs.api;
    this.stageName = attrs.stageName;
  }

  public get stageRef(): apigwv2Refs.StageReference {
    return stageReference(this);
  }

  public get url(): string {
    return executeApiUrl(this, 'wss');
  }

  public get callbackUrl(): string {
    return executeApiUrl(this, 'https');
  }

  public addStageVariable(name: string, _value: string): void {
    throw new Error(`addStageVariable('${name}') cannot change imported stage '${this.stageName}': `
      + 'stage variables can only be set on stages defined in this app');
  }

  public grantManagementApiAccess(identity: iam.IGrantable): iam.Grant {
    return grantManageConnections(this.api, this.stageName, identity);
  }

  public metric(metricName: string, props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return stageMetric(this, metricName, props);
  }
}

/**
 * The stage's reference for aws-cdk-lib APIs. It carries `apiId` too: aws-cdk-lib 2.234's `StageReference`
 * declares only `stageName`, later versions read both.
 */
function stageReference(stage: apigwv2.IWebSocketStage): apigwv2Refs.StageReference {
  const reference = { apiId: stage.api.apiId, stageName: stage.stageName };
  return reference;
}
