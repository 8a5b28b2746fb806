import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';

/** The CloudWatch namespace of API Gateway metrics. */
export const API_GATEWAY_NAMESPACE = 'AWS/ApiGateway';

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
