import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { IWebSocketMetrics, stageMetric, webSocketMetric } from './metrics';

/**
 * The metrics of one route of a WebSocket stage: the stage's metrics with the `Route` dimension added.
 *
 * API Gateway publishes per-route metrics only for routes with `detailedMetricsEnabled`, billed as custom
 * metrics; a stage defined in this app warns at synthesis when a route it gave metrics for does not have it.
 */
export interface IWebSocketRouteMetrics extends IWebSocketMetrics {
  /**
   * The route measured, the value of the `Route` dimension.
   */
  readonly routeKey: string;

  /**
   * A CloudWatch metric of the route, with the `ApiId`, `Stage` and `Route` dimensions added to any dimensions
   * you pass. Average over 5 minutes unless the options say otherwise.
   *
   * @param metricName the metric's name in the `AWS/ApiGateway` namespace, for example `MessageCount`
   * @param props metric options
   */
  metric(metricName: string, props?: cloudwatch.MetricOptions): cloudwatch.Metric;
}

/**
 * The metrics of one route, computed from the stage.
 */
export class RouteMetrics implements IWebSocketRouteMetrics {
  constructor(private readonly stage: apigwv2.IWebSocketStage, public readonly routeKey: string) {}

  public metric(metricName: string, props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return stageMetric(this.stage, metricName, props, this.routeKey);
  }

  public metricConnectCount(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return webSocketMetric(this.stage, 'connectCount', props, this.routeKey);
  }

  public metricMessageCount(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return webSocketMetric(this.stage, 'messageCount', props, this.routeKey);
  }

  public metricIntegrationError(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return webSocketMetric(this.stage, 'integrationError', props, this.routeKey);
  }

  public metricClientError(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return webSocketMetric(this.stage, 'clientError', props, this.routeKey);
  }

  public metricExecutionError(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return webSocketMetric(this.stage, 'executionError', props, this.routeKey);
  }

  public metricIntegrationLatency(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return webSocketMetric(this.stage, 'integrationLatency', props, this.routeKey);
  }
}
