// A realistic WebSocket chat backend: three Lambda routes, a production stage on a custom domain with
// throttling, JSON access logs, execution logging, AWS's recommended alarms and a dashboard, and a handler
// allowed to push messages back to connected clients.
import { App, CfnOutput, Stack, StackProps } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { WebSocketLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cw_actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { LoggingLevel, WebSocketAccessLogFormat, WebSocketStage } from 'cdk-websocket-stage';

/** The certificate of the custom domain; replace it with one of yours to deploy. */
const CERTIFICATE_ARN = 'arn:aws:acm:eu-west-1:123456789012:certificate/11111111-2222-3333-4444-555555555555';

export class ChatStack extends Stack {
  public readonly stage: WebSocketStage;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    const handler = (name: string, body: string) => new lambda.Function(this, name, {
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline(`exports.handler = async (event) => { ${body} return { statusCode: 200 }; };`),
    });
    const onConnect = handler('ConnectHandler', 'console.log("connected", event.requestContext.connectionId);');
    const onDisconnect = handler('DisconnectHandler', 'console.log("disconnected", event.requestContext.connectionId);');
    const onMessage = handler('MessageHandler', 'console.log("message", event.body);');

    const api = new apigwv2.WebSocketApi(this, 'ChatApi', {
      connectRouteOptions: { integration: new WebSocketLambdaIntegration('ConnectIntegration', onConnect) },
      disconnectRouteOptions: { integration: new WebSocketLambdaIntegration('DisconnectIntegration', onDisconnect) },
      defaultRouteOptions: { integration: new WebSocketLambdaIntegration('MessageIntegration', onMessage) },
    });

    const domainName = new apigwv2.DomainName(this, 'ChatDomain', {
      domainName: 'chat.example.com',
      certificate: acm.Certificate.fromCertificateArn(this, 'ChatCertificate', CERTIFICATE_ARN),
    });

    this.stage = new WebSocketStage(this, 'ProdStage', {
      webSocketApi: api,
      stageName: 'prod',
      autoDeploy: true,
      description: 'Production chat stage',
      throttle: { rateLimit: 500, burstLimit: 1000 },
      domainMapping: { domainName, mappingKey: 'v1' },
      accessLogSettings: {
        destination: new apigwv2.LogGroupLogDestination(new logs.LogGroup(this, 'AccessLogs', { retention: logs.RetentionDays.ONE_MONTH })),
        format: WebSocketAccessLogFormat.jsonWithWebSocketFields(),
      },
      loggingLevel: LoggingLevel.ERROR,
      cloudWatchRole: true,
      routeSettings: { $connect: { throttle: { rateLimit: 50 } } },
      stageVariables: { environment: 'prod' },
    });

    // The message handler answers clients through the @connections API of this stage.
    this.stage.grantManagementApiAccess(onMessage);
    onMessage.addEnvironment('CALLBACK_URL', this.stage.callbackUrl);

    // AWS's recommended alarms notify the on-call topic, and a dashboard shows the stage and those alarms.
    const alarmTopic = new sns.Topic(this, 'AlarmTopic', { enforceSSL: true });
    this.stage.addRecommendedAlarms({ actions: [new cw_actions.SnsAction(alarmTopic)] });
    new cloudwatch.Dashboard(this, 'ChatDashboard', { widgets: [this.stage.dashboardWidgets()] });

    new CfnOutput(this, 'WebSocketUrl', { value: this.stage.url });
  }
}

/** Builds the example app, writing the cloud assembly to `outdir`. */
export function chatApp(outdir: string): App {
  const app = new App({ outdir });
  new ChatStack(app, 'ChatStack');
  return app;
}
