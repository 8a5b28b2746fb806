// The seed app: the same stack is built in TypeScript (this file), Python, Java and Go, and
// scripts/compare-seed-templates.js checks that they synthesize the same Stage, ApiMapping, IAM Policy
// and outputs.
//
// Run: node test/seed/run-seed.js <template-output.json> (after `npx jsii`, which builds ../../lib).
import * as fs from 'fs';
import { App, CfnOutput, Stack } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { WebSocketLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { WebSocketStage } from '../../lib';

const app = new App();
const stack = new Stack(app, 'Seed');

function handler(id: string): lambda.Function {
  return new lambda.Function(stack, id, {
    runtime: lambda.Runtime.NODEJS_20_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => ({ statusCode: 200 });'),
  });
}

const api = new apigwv2.WebSocketApi(stack, 'ChatApi', {
  connectRouteOptions: { integration: new WebSocketLambdaIntegration('ConnectIntegration', handler('ConnectHandler')) },
  disconnectRouteOptions: { integration: new WebSocketLambdaIntegration('DisconnectIntegration', handler('DisconnectHandler')) },
  defaultRouteOptions: { integration: new WebSocketLambdaIntegration('DefaultIntegration', handler('DefaultHandler')) },
});

const domainName = new apigwv2.DomainName(stack, 'Domain', {
  domainName: 'ws.example.com',
  certificate: acm.Certificate.fromCertificateArn(stack, 'Cert',
    'arn:aws:acm:us-east-1:111111111111:certificate/11111111-2222-3333-4444-555555555555'),
});

const stage = new WebSocketStage(stack, 'mystage', {
  webSocketApi: api,
  stageName: 'prod',
  autoDeploy: true,
  domainMapping: { domainName, mappingKey: 'chat' },
  throttle: { rateLimit: 100, burstLimit: 50 },
});

// A backend that pushes messages to connected clients through the @connections API.
const broadcaster = handler('Broadcaster');
stage.grantManagementApiAccess(broadcaster);

new CfnOutput(stack, 'Url', { value: stage.url });
new CfnOutput(stack, 'CallbackUrl', { value: stage.callbackUrl });

const out = process.argv[2];
const template = app.synth().getStackByName(stack.stackName).template;
fs.writeFileSync(out, JSON.stringify(template, null, 2) + '\n');
