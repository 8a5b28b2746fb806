import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';

/** The CloudWatch namespace of API Gateway metrics. */
const API_GATEWAY_NAMESPACE = 'AWS/ApiGateway';

/**
 * The dimension of per-route metrics; its value is the route key. The per-route dimension set `ApiId, Stage, Route`
 * is the one AWS's CloudWatch metric metadata gives for the six WebSocket metrics (aws-cdk-lib ships that metadata as
 * `apigatewayv2-canned-metrics.generated`); the API Gateway guide's table names `Method, Resource` instead, which no
 * WebSocket route has.
 */
const ROUTE_DIMENSION = 'Route';

/**
 * The metrics API Gateway publishes for WebSocket APIs, with the statistic that makes sense for each.
 *
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-logging.html
 */
export const WEBSOCKET_METRICS = {
  connectCount: { metricName: 'ConnectCount', statistic: 'Sum' },
  messageCount: { metricName: 'MessageCount', statistic: 'Sum' },
  integrationError: { metricName: 'IntegrationError', statistic: 'Sum' },
  clientError: { metricName: 'ClientError', statistic: 'Sum' },
  executionError: { metricName: 'ExecutionError', statistic: 'Sum' },
  integrationLatency: { metricName: 'IntegrationLatency', statistic: 'Average' },
} as const;

/**
 * The metric helpers of a WebSocket stage, or of one of its routes: each gives one of the metrics API Gateway
 * publishes for WebSocket APIs, with the statistic that makes sense for it. Options you pass win, the statistic
 * included.
 *
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-logging.html
 */
export interface IWebSocketMetrics {
  /**
   * Messages sent to the `$connect` route integration. Sum over 5 minutes.
   *
   * @param props options that override the defaults
   */
  metricConnectCount(props?: cloudwatch.MetricOptions): cloudwatch.Metric;

  /**
   * Messages sent to or from clients. Sum over 5 minutes.
   *
   * @param props options that override the defaults
   */
  metricMessageCount(props?: cloudwatch.MetricOptions): cloudwatch.Metric;

  /**
   * Requests whose integration answered with a 4XX or 5XX. Sum over 5 minutes.
   *
   * @param props options that override the defaults
   */
  metricIntegrationError(props?: cloudwatch.MetricOptions): cloudwatch.Metric;

  /**
   * Requests API Gateway answered with a 4XX before calling the integration. Sum over 5 minutes.
   *
   * @param props options that override the defaults
   */
  metricClientError(props?: cloudwatch.MetricOptions): cloudwatch.Metric;

  /**
   * Errors that happened while calling the integration. Sum over 5 minutes.
   *
   * @param props options that override the defaults
   */
  metricExecutionError(props?: cloudwatch.MetricOptions): cloudwatch.Metric;

  /**
   * Milliseconds between API Gateway calling the integration and receiving its answer. Average over 5 minutes.
   *
   * @param props options that override the defaults
   */
  metricIntegrationLatency(props?: cloudwatch.MetricOptions): cloudwatch.Metric;
}

/** One of the WebSocket metrics. */
export type WebSocketMetric = keyof typeof WEBSOCKET_METRICS;

/**
 * A metric of the stage, or of one of its routes, with the `ApiId` and `Stage` dimensions (and `Route`) added to
 * the dimensions the caller passes.
 *
 * Defaults are `cloudwatch.Metric`'s, as in aws-cdk-lib: statistic Average, period 5 minutes.
 */
export function stageMetric(stage: apigwv2.IWebSocketStage, metricName: string, props: cloudwatch.MetricOptions = {},
  routeKey?: string): cloudwatch.Metric {
  const dimensionsMap: { [name: string]: string } = { ...props.dimensionsMap, ApiId: stage.api.apiId, Stage: stage.stageName };
  // The stage's own dimensions replace the caller's: a different value there would measure another stage.
  for (const [name, value] of [['ApiId', stage.api.apiId], ['Stage', stage.stageName]]) {
    const given = props.dimensionsMap?.[name];
    if (given !== undefined && given !== value) {
      throw new Error(`${stage.node.path}: dimensionsMap.${name} '${given}' differs from this stage's, '${value}': `
        + `leave ${name} out, or ask the metric of the stage it names`);
    }
  }
  if (routeKey !== undefined) {
    const given = props.dimensionsMap?.[ROUTE_DIMENSION];
    if (given !== undefined && given !== routeKey) {
      throw new Error(`${stage.node.path}: dimensionsMap.${ROUTE_DIMENSION} '${given}' differs from the route these metrics are for, '${routeKey}': `
        + `leave ${ROUTE_DIMENSION} out, or ask metricsForRoute('${given}')`);
    }
    dimensionsMap[ROUTE_DIMENSION] = routeKey;
  }
  return new cloudwatch.Metric({ namespace: API_GATEWAY_NAMESPACE, metricName, ...props, dimensionsMap }).attachTo(stage);
}

/**
 * One of the WebSocket metrics of the stage, with its statistic unless the caller passes another.
 */
export function webSocketMetric(stage: apigwv2.IWebSocketStage, metric: WebSocketMetric, props: cloudwatch.MetricOptions = {},
  routeKey?: string): cloudwatch.Metric {
  const { metricName, statistic } = WEBSOCKET_METRICS[metric];
  return stageMetric(stage, metricName, { ...props, statistic: props.statistic ?? statistic }, routeKey);
}
