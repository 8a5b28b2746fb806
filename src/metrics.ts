import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { cloudwatchModule } from './lazy-modules';

/** The CloudWatch namespace of API Gateway metrics. */
const API_GATEWAY_NAMESPACE = 'AWS/ApiGateway';

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

/** One of the WebSocket metrics. */
export type WebSocketMetric = keyof typeof WEBSOCKET_METRICS;

/**
 * A metric of the stage, with the `ApiId` and `Stage` dimensions added to the dimensions the caller passes.
 *
 * Defaults are `cloudwatch.Metric`'s, as in aws-cdk-lib: statistic Average, period 5 minutes.
 */
export function stageMetric(stage: apigwv2.IWebSocketStage, metricName: string, props: cloudwatch.MetricOptions = {}): cloudwatch.Metric {
  return new (cloudwatchModule().Metric)({
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
