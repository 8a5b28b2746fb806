import { App, Stack } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { WebSocketLambdaIntegration, WebSocketMockIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { LoggingLevel, WebSocketAccessLogFormat, WebSocketStage, WebSocketStageProps } from '../src';

// One stack per feature, each a realistic use of it. They are checked by real CloudFormation tooling
// (cfn-lint, through test/template-export.test.ts) and the production one by cdk-nag.

/** A stack with a WebSocket API that has a Lambda-backed message route and a mock `$connect`. */
export function featureStack(app: App, name: string) {
  const stack = new Stack(app, name, { env: { account: '111111111111', region: 'eu-west-1' } });
  const handler = new lambda.Function(stack, 'Handler', {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => ({ statusCode: 200 });'),
  });
  const api = new apigwv2.WebSocketApi(stack, 'Api', {
    connectRouteOptions: { integration: new WebSocketMockIntegration('ConnectIntegration') },
  });
  api.addRoute('sendmessage', { integration: new WebSocketLambdaIntegration('MessageIntegration', handler) });
  return { stack, api, handler };
}

type Fixture = (stack: Stack, api: apigwv2.WebSocketApi, handler: lambda.Function) => void;

const stage = (stack: Stack, api: apigwv2.WebSocketApi, props: Partial<WebSocketStageProps>) =>
  new WebSocketStage(stack, 'Stage', { webSocketApi: api, stageName: 'prod', ...props });

/**
 * The production setup the README documents: JSON access logs, throttling, execution logging with the account
 * role, and a narrow grant.
 */
export const productionSetup: Fixture = (stack, api, handler) => {
  const prod = stage(stack, api, {
    autoDeploy: true,
    throttle: { rateLimit: 500, burstLimit: 1000 },
    loggingLevel: LoggingLevel.ERROR,
    cloudWatchRole: true,
    accessLogSettings: {
      destination: new apigwv2.LogGroupLogDestination(new logs.LogGroup(stack, 'AccessLogs', { retention: logs.RetentionDays.ONE_YEAR })),
      format: WebSocketAccessLogFormat.jsonWithWebSocketFields(),
    },
  });
  prod.grantPostToConnection(handler);
};

export const FEATURE_FIXTURES: Record<string, Fixture> = {
  'production-setup': productionSetup,
  'route-settings': (stack, api) => stage(stack, api, {
    autoDeploy: true,
    throttle: { rateLimit: 100 },
    routeSettings: { $connect: { throttle: { rateLimit: 5, burstLimit: 10 } }, sendmessage: { detailedMetricsEnabled: true } },
  }),
  'execution-logging': (stack, api) => stage(stack, api, {
    autoDeploy: true, loggingLevel: LoggingLevel.INFO, dataTraceEnabled: true, cloudWatchRole: true,
  }),
  'custom-domain': (stack, api) => stage(stack, api, {
    autoDeploy: true,
    domainMapping: {
      domainName: new apigwv2.DomainName(stack, 'Domain', {
        domainName: 'chat.example.com',
        certificate: acm.Certificate.fromCertificateArn(stack, 'Cert', 'arn:aws:acm:eu-west-1:111111111111:certificate/abc'),
      }),
      mappingKey: 'v1',
    },
  }),
  'managed-deployment': (stack, api) => stage(stack, api, { managedDeployment: true, description: 'Deployed by CloudFormation' }),
  'grants': (stack, api, handler) => {
    const s = stage(stack, api, { autoDeploy: true });
    s.grantManagementApiAccess(handler);
    s.grantDeleteConnection(handler);
    s.grantConnect(new iam.Role(stack, 'ClientRole', { assumedBy: new iam.AccountRootPrincipal() }));
  },
  'stage-settings': (stack, api) => stage(stack, api, {
    autoDeploy: true,
    stageVariables: { environment: 'prod', backend: 'https://example.com/api' },
    tags: { team: 'chat' },
    clientCertificateId: 'abc123',
    detailedMetricsEnabled: true,
  }),
};
