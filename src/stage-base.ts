import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Resource } from 'aws-cdk-lib/core';
import { aws_apigatewayv2 as apigwv2Refs } from 'aws-cdk-lib/interfaces';
import { grantInvokeConnect, grantManageConnections } from './grants';
import { IWebSocketMetrics, stageMetric, webSocketMetric } from './metrics';
import { IWebSocketRouteMetrics, RouteMetrics } from './route-metrics';
import { checkRouteKey } from './route-settings';
import { executeApiUrl } from './urls';

/**
 * A WebSocket stage, defined in this app or imported. It is an aws-cdk-lib `IWebSocketStage`, so it can be
 * passed to every aws-cdk-lib API that takes one, such as usage plans. Everything here needs only the API and
 * the stage name, so imported stages have all of it.
 */
export interface IWebSocketStage extends apigwv2.IWebSocketStage, IWebSocketMetrics {
  /**
   * Grants `execute-api:ManageConnections` on the stage's `@connections` API (POST, GET and DELETE), so the
   * grantee can send messages to connected clients, read their connection details and disconnect them.
   *
   * @param identity the principal, for example a Lambda function
   * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-how-to-call-websocket-api-connections.html
   */
  grantManagementApiAccess(identity: iam.IGrantable): iam.Grant;

  /**
   * Grants sending messages to connected clients: `execute-api:ManageConnections` on `POST`, `@connections/*`.
   *
   * @param identity the principal, for example a Lambda function
   */
  grantPostToConnection(identity: iam.IGrantable): iam.Grant;

  /**
   * Grants reading the details of a connection: `execute-api:ManageConnections` on `GET`, `@connections/*`.
   *
   * @param identity the principal, for example a Lambda function
   */
  grantGetConnection(identity: iam.IGrantable): iam.Grant;

  /**
   * Grants disconnecting clients: `execute-api:ManageConnections` on `DELETE`, `@connections/*`.
   *
   * @param identity the principal, for example a Lambda function
   */
  grantDeleteConnection(identity: iam.IGrantable): iam.Grant;

  /**
   * Grants opening a connection to the stage, for clients of a `$connect` route authorized with IAM:
   * `execute-api:Invoke` on `{stage}/$connect`.
   *
   * @param identity the principal, for example the role of a client application
   * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-control-access-iam.html
   */
  grantConnect(identity: iam.IGrantable): iam.Grant;

  /**
   * The metrics of one route: the stage's metrics with the `Route` dimension. API Gateway publishes them only
   * for routes with `detailedMetricsEnabled`.
   *
   * @param routeKey `$connect`, `$disconnect`, `$default` or a custom route key
   */
  metricsForRoute(routeKey: string): IWebSocketRouteMetrics;
}

/**
 * What defined and imported stages share: everything computed from the API and the stage name. Internal: jsii
 * copies its members onto `WebSocketStage`, and users need only `IWebSocketStage` and `WebSocketStage`.
 *
 * @internal
 */
export abstract class WebSocketStageBase extends Resource implements IWebSocketStage {
  /**
   * The name of the stage.
   *
   * @attribute
   */
  public abstract readonly stageName: string;

  /**
   * The WebSocket API the stage belongs to.
   */
  public abstract readonly api: apigwv2.IWebSocketApi;

  /**
   * Adds a stage variable.
   *
   * @param name the variable's name
   * @param value its value
   */
  public abstract addStageVariable(name: string, value: string): void;

  /**
   * The stage's API and name, for aws-cdk-lib APIs that take a stage reference. It carries `apiId` too:
   * aws-cdk-lib 2.234's `StageReference` declares only `stageName`, later versions read both.
   */
  public get stageRef(): apigwv2Refs.StageReference {
    const reference = { apiId: this.api.apiId, stageName: this.stageName };
    return reference;
  }

  /**
   * The URL clients connect to: `wss://{apiId}.execute-api.{region}.{urlSuffix}/{stageName}`.
   */
  public get url(): string {
    return executeApiUrl(this, 'wss');
  }

  /**
   * The base URL of the `@connections` management API:
   * `https://{apiId}.execute-api.{region}.{urlSuffix}/{stageName}`. Backends send to a client with
   * `POST {callbackUrl}/@connections/{connectionId}`.
   *
   * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-how-to-call-websocket-api-connections.html
   */
  public get callbackUrl(): string {
    return executeApiUrl(this, 'https');
  }

  public grantManagementApiAccess(identity: iam.IGrantable): iam.Grant {
    return grantManageConnections(this, identity, '*');
  }

  public grantPostToConnection(identity: iam.IGrantable): iam.Grant {
    return grantManageConnections(this, identity, 'POST');
  }

  public grantGetConnection(identity: iam.IGrantable): iam.Grant {
    return grantManageConnections(this, identity, 'GET');
  }

  public grantDeleteConnection(identity: iam.IGrantable): iam.Grant {
    return grantManageConnections(this, identity, 'DELETE');
  }

  public grantConnect(identity: iam.IGrantable): iam.Grant {
    return grantInvokeConnect(this, identity);
  }

  /**
   * A CloudWatch metric of the stage, with the `ApiId` and `Stage` dimensions added to any dimensions you pass.
   * Average over 5 minutes unless the options say otherwise.
   *
   * @param metricName the metric's name in the `AWS/ApiGateway` namespace, for example `MessageCount`
   * @param props metric options
   */
  public metric(metricName: string, props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return stageMetric(this, metricName, props);
  }

  public metricConnectCount(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return webSocketMetric(this, 'connectCount', props);
  }

  public metricMessageCount(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return webSocketMetric(this, 'messageCount', props);
  }

  public metricIntegrationError(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return webSocketMetric(this, 'integrationError', props);
  }

  public metricClientError(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return webSocketMetric(this, 'clientError', props);
  }

  public metricExecutionError(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return webSocketMetric(this, 'executionError', props);
  }

  public metricIntegrationLatency(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return webSocketMetric(this, 'integrationLatency', props);
  }

  public metricsForRoute(routeKey: string): IWebSocketRouteMetrics {
    checkRouteKey('metricsForRoute routeKey', routeKey);
    this._onRouteMetrics(routeKey);
    return new RouteMetrics(this, routeKey);
  }

  /**
   * Told when `metricsForRoute` gives a route's metrics, so that a stage defined in this app can check at
   * synthesis that the route publishes them. Imported stages cannot know their settings and do nothing.
   *
   * @internal
   */
  protected _onRouteMetrics(_routeKey: string): void {
    // Nothing to check by default.
  }
}
