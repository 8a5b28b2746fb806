import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';

/** The CloudWatch namespace of API Gateway metrics. */
export const API_GATEWAY_NAMESPACE = 'AWS/ApiGateway';

/**
 * The metrics API Gateway publishes for WebSocket APIs, with the statistic that makes sense for each.
 *
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-logging.html
 */
export const WEBSOCKET_METRICS = {
  connectCount: { metricName: 'ConnectCount', statistic: cloudwatch.Stats.SUM },
  messageCount: { metricName: 'MessageCount', statistic: cloudwatch.Stats.SUM },
  integrationError: { metricName: 'IntegrationError', statistic: cloudwatch.Stats.SUM },
  clientError: { metricName: 'ClientError', statistic: cloudwatch.Stats.SUM },
  executionError: { metricName: 'ExecutionError', statistic: cloudwatch.Stats.SUM },
  integrationLatency: { metricName: 'IntegrationLatency', statistic: cloudwatch.Stats.AVERAGE },
} as const;

/** One of the WebSocket metrics. */
export type WebSocketMetric = keyof typeof WEBSOCKET_METRICS;

/**
 * A metric of the stage, with the `ApiId` and `Stage` dimensions added to the dimensions the caller passes.
 *
 * Defaults are `cloudwatch.Metric`'s, as in aws-cdk-lib: statistic Average, period 5 minutes.
 */
export function stageMetric(stage: apigwv2.IWebSocketStage, metricName: string, props: cloudwatch.MetricOptions = {}): cloudwatch.Metric {
  return new cloudwatch.Metric({
    namespace: API_GATEWAY_NAMESPACE,
    metricName,
    ...props,
    dimensionsMap: { ...props.dimensionsMap, ApiId: stage.api.apiId, Stage: stage.stageName },
  }).attachTo(stage);
}

/**
 * One of the WebSocket metrics of the stage, with its statistic unless the caller passes another.
 */
export function webSocketMetric(stage: apigwv2.IWebSocketStage, metric: WebSocketMetric, props: cloudwatch.MetricOptions = {}): cloudwatch.Metric {
  const { metricName, statistic } = WEBSOCKET_METRICS[metric];
  return stageMetric(stage, metricName, { ...props, statistic: props.statistic ?? statistic });
}
