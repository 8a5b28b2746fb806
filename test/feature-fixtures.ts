import { App, CfnOutput, Stack } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { WebSocketLambdaIntegration, WebSocketMockIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cw_actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import { LoggingLevel, WebSocketAccessLogFormat, WebSocketStage } from '../src';
import { ENV, newApi, newDomain, newLogGroup, newRole, newStack, newStage } from './fixtures';

// One stack per feature, each a realistic use of it. They are checked by real CloudFormation tooling
// (cfn-lint, through test/template-export.test.ts) and the production one by cdk-nag.

/** A stack with a WebSocket API that has a Lambda-backed message route and a mock `$connect`. */
export function featureStack(app: App, name: string) {
  const stack = newStack({ app, id: name, env: ENV });
  const handler = new lambda.Function(stack, 'Handler', {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => ({ statusCode: 200 });'),
  });
  const api = newApi(stack, { connectRouteOptions: { integration: new WebSocketMockIntegration('ConnectIntegration') } });
  api.addRoute('sendmessage', { integration: new WebSocketLambdaIntegration('MessageIntegration', handler) });
  return { stack, api, handler };
}

type Fixture = (stack: Stack, api: apigwv2.WebSocketApi, handler: lambda.Function) => void;

/**
 * The production setup the README documents: JSON access logs, throttling, execution logging with the account
 * role, and a narrow grant.
 */
export function productionSetup(stack: Stack, api: apigwv2.WebSocketApi, handler: lambda.Function): WebSocketStage {
  const prod = newStage(api, {
    stageName: 'prod',
    autoDeploy: true,
    throttle: { rateLimit: 500, burstLimit: 1000 },
    loggingLevel: LoggingLevel.ERROR,
    executionLogRetention: logs.RetentionDays.ONE_MONTH,
    cloudWatchRole: true,
    accessLogSettings: {
      destination: new apigwv2.LogGroupLogDestination(newLogGroup(stack, 'AccessLogs', { retention: logs.RetentionDays.ONE_YEAR })),
      format: WebSocketAccessLogFormat.jsonWithWebSocketFields(),
    },
  });
  prod.grantPostToConnection(handler);
  return prod;
}

/**
 * The production setup with AWS's recommended alarms (notifying an SNS topic, one tuned, the per-route ones for
 * `sendmessage`) and a dashboard of the stage's and the route's widgets.
 */
export const productionWithAlarms: Fixture = (stack, api, handler) => {
  const prod = productionSetup(stack, api, handler);
  prod.addRouteSettings('sendmessage', { detailedMetricsEnabled: true });
  const actions = [new cw_actions.SnsAction(new sns.Topic(stack, 'AlarmTopic', { enforceSSL: true }))];
  prod.addRecommendedAlarms({ actions, integrationLatency: { threshold: 1000 }, messageCount: { threshold: 10 } });
  prod.addRecommendedAlarms({ actions, routeKey: 'sendmessage' });
  new cloudwatch.Dashboard(stack, 'Dashboard', {
    widgets: [prod.dashboardWidgets(), prod.dashboardWidgets({ routeKey: 'sendmessage' })],
  });
};

export const FEATURE_FIXTURES: Record<string, Fixture> = {
  'production-setup': productionSetup,
  'alarms-and-dashboard': productionWithAlarms,
  'route-settings': (_stack, api) => newStage(api, {
    stageName: 'prod',
    autoDeploy: true,
    throttle: { rateLimit: 100 },
    routeSettings: { $connect: { throttle: { rateLimit: 5, burstLimit: 10 } }, sendmessage: { detailedMetricsEnabled: true } },
  }),
  'execution-logging': (_stack, api) => newStage(api, {
    stageName: 'prod', autoDeploy: true, loggingLevel: LoggingLevel.INFO, dataTraceEnabled: true, cloudWatchRole: true,
  }),
  'execution-log-retention': (_stack, api) => newStage(api, {
    stageName: 'prod', autoDeploy: true, loggingLevel: LoggingLevel.ERROR, cloudWatchRole: true, executionLogRetention: logs.RetentionDays.TWO_WEEKS,
  }).executionLogGroup?.addMetricFilter('ExecutionErrors', {
    filterPattern: logs.FilterPattern.anyTerm('ERROR'), metricNamespace: 'Chat', metricName: 'ExecutionLogErrors',
  }),
  'custom-domain': (stack, api) => newStage(api, { stageName: 'prod', autoDeploy: true, domainMapping: { domainName: newDomain(stack), mappingKey: 'v1' } }),
  'more-domains': (stack, api) => {
    const s = newStage(api, { stageName: 'prod', autoDeploy: true, domainMapping: { domainName: newDomain(stack), mappingKey: 'v1' } });
    const chat = new apigwv2.DomainName(stack, 'ChatDomain', {
      domainName: 'chat.example.com',
      certificate: acm.Certificate.fromCertificateArn(stack, 'ChatCert', 'arn:aws:acm:eu-west-1:111111111111:certificate/def'),
    });
    s.addDomainMapping({ domainName: chat });
    new CfnOutput(stack, 'ChatUrl', { value: s.domainUrlFor(chat.name) });
    new CfnOutput(stack, 'ChatCallbackUrl', { value: s.domainCallbackUrlFor(chat.name) });
  },
  'managed-deployment': (_stack, api) => newStage(api, { stageName: 'prod', managedDeployment: true, description: 'Deployed by CloudFormation' }),
  'grants': (stack, api, handler) => {
    const s = newStage(api, { stageName: 'prod', autoDeploy: true });
    s.grantManagementApiAccess(handler);
    s.grantDeleteConnection(handler);
    s.grantConnect(newRole(stack, 'ClientRole'));
  },
  'stage-settings': (_stack, api) => newStage(api, {
    stageName: 'prod',
    autoDeploy: true,
    stageVariables: { environment: 'prod', backend: 'https://example.com/api' },
    tags: { team: 'chat' },
    clientCertificateId: 'abc123',
    detailedMetricsEnabled: true,
  }),
};
