import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Resource, Token } from 'aws-cdk-lib/core';
import { aws_apigatewayv2 as apigwv2Refs } from 'aws-cdk-lib/interfaces';
import { Construct } from 'constructs';
import { checkDashboardWidgetsOptions, createDashboardWidgets, DashboardWidgetsOptions } from './dashboard-widgets';
import { grantInvokeConnect, grantManageConnections } from './grants';
import { IWebSocketMetrics, stageMetric, webSocketMetric } from './metrics';
import { createRecommendedAlarms, planRecommendedAlarms, RecommendedAlarmsOptions, routeAlarmsId } from './recommended-alarms';
import { IWebSocketRouteMetrics, RouteMetrics } from './route-metrics';
import { checkRouteKey } from './route-settings';
import { executeApiUrl } from './urls';
import { invalidInput, withConstructPath } from './validation';

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

  /**
   * Creates the alarms AWS recommends for WebSocket APIs, on the stage or on one route, and returns them.
   *
   * The alarms and their default statistic, threshold, datapoints and missing-data treatment are listed in the
   * README's "Recommended alarms" table, which is generated from the code that creates them.
   *
   * Each alarm can be tuned or left out in the options. Their construct ids are public contract:
   * `RecommendedAlarms/ClientError` (`ExecutionError`, `IntegrationLatency`, `MessageCount`) under the stage, and
   * `RecommendedAlarms/Route-{routeKey}/…` for a route, with `%` in the key written `%25` and `/` written `%2F`
   * (construct ids cannot hold `/`), so each route key has its own id. Each stage, and each route, takes one call: a
   * second throws.
   *
   * @param options actions for every alarm, the route, and how each alarm differs from AWS's recommendation
   * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Best_Practice_Recommended_Alarms_AWS_Services.html#ApiGateway
   */
  addRecommendedAlarms(options?: RecommendedAlarmsOptions): cloudwatch.Alarm[];

  /**
   * Widgets for any `cloudwatch.Dashboard`: graphs of connections (ConnectCount), messages (MessageCount), errors
   * (IntegrationError, ClientError, ExecutionError) and integration latency (p50, p90, p99), then the state of the
   * recommended alarms when `addRecommendedAlarms` was called before: all of the stage's, or the route's. An alarm
   * status widget shows at most 100 alarms, so more are split over several (`Alarms (prod, 1 of 2)`, ...).
   *
   * @param options the route to graph, the period, and the widgets' size
   */
  dashboardWidgets(options?: DashboardWidgetsOptions): cloudwatch.IWidget[];
}

/** The construct under the stage that holds the recommended alarms. */
const ALARMS_ID = 'RecommendedAlarms';

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
    return grantManageConnections(this, 'grantManagementApiAccess', identity, '*');
  }

  public grantPostToConnection(identity: iam.IGrantable): iam.Grant {
    return grantManageConnections(this, 'grantPostToConnection', identity, 'POST');
  }

  public grantGetConnection(identity: iam.IGrantable): iam.Grant {
    return grantManageConnections(this, 'grantGetConnection', identity, 'GET');
  }

  public grantDeleteConnection(identity: iam.IGrantable): iam.Grant {
    return grantManageConnections(this, 'grantDeleteConnection', identity, 'DELETE');
  }

  public grantConnect(identity: iam.IGrantable): iam.Grant {
    return grantInvokeConnect(this, identity);
  }

  /**
   * A CloudWatch metric of the stage, with the `ApiId` and `Stage` dimensions added to any dimensions you pass.
   * Average over 5 minutes unless the options say otherwise. A passed `ApiId` or `Stage` other than the stage's throws.
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
    try {
      checkRouteKey('metricsForRoute routeKey', routeKey);
    } catch (error) {
      throw withConstructPath(this, error);
    }
    this._onRouteMetrics(routeKey);
    return new RouteMetrics(this, routeKey);
  }

  /** The alarms `addRecommendedAlarms` created, by route key ('' for the stage's); created on first use, as most stages have none. */
  private recommendedAlarms?: Map<string, cloudwatch.Alarm[]>;

  public addRecommendedAlarms(options: RecommendedAlarmsOptions = {}): cloudwatch.Alarm[] {
    try {
      const planned = planRecommendedAlarms(options);
      const { routeKey } = options;
      const key = routeKey ?? '';
      if (this.recommendedAlarms?.has(key)) {
        throw new Error(`addRecommendedAlarms was already called for ${routeKey === undefined ? 'this stage' : `route '${routeKey}'`}: `
          + 'call it once, with every alarm\'s settings in its options');
      }
      if (routeKey !== undefined && Token.isUnresolved(routeKey)) {
        throw invalidInput('addRecommendedAlarms routeKey', 'must be known at synthesis: it is part of the alarms\' construct ids', routeKey);
      }
      this._onRecommendedAlarms();
      const metrics: IWebSocketMetrics = routeKey === undefined ? this : this.metricsForRoute(routeKey);
      const container = this.node.tryFindChild(ALARMS_ID) ?? new Construct(this, ALARMS_ID);
      const scope = routeKey === undefined ? container : new Construct(container, routeAlarmsId(routeKey));
      const alarms = createRecommendedAlarms(scope, metrics, planned, options.actions);
      this.recommendedAlarms ??= new Map();
      this.recommendedAlarms.set(key, alarms);
      return alarms;
    } catch (error) {
      throw withConstructPath(this, error);
    }
  }

  public dashboardWidgets(options: DashboardWidgetsOptions = {}): cloudwatch.IWidget[] {
    try {
      checkDashboardWidgetsOptions(options);
      const { routeKey } = options;
      if (routeKey === undefined) {
        return createDashboardWidgets(this, [...this.recommendedAlarms?.values() ?? []].flat(), this.stageName, options);
      }
      return createDashboardWidgets(this.metricsForRoute(routeKey), this.recommendedAlarms?.get(routeKey) ?? [],
        `${this.stageName}, route ${routeKey}`, options);
    } catch (error) {
      throw withConstructPath(this, error);
    }
  }

  /**
   * Told before `addRecommendedAlarms` creates alarms, so that a stage defined in this app can refuse tags its alarms
   * would inherit but cannot carry. Imported stages have no tags of ours and do nothing.
   *
   * @internal
   */
  protected _onRecommendedAlarms(): void {
    // Nothing to check by default.
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
