// A CDK app with a managed deployment, run by the real CDK CLI (`cdk synth`) in test/deployment.test.ts, which also
// builds it in-process for Template.fromStack. It uses the built library (lib/), as an app would.
const { App, Stack } = require('aws-cdk-lib');
const apigwv2 = require('aws-cdk-lib/aws-apigatewayv2');
const { WebSocketMockIntegration } = require('aws-cdk-lib/aws-apigatewayv2-integrations');
const { WebSocketStage } = require('../../lib');

/** The stack `ManagedDeployment`: an API with one route and a stage that manages its deployment. */
function build(app) {
  const stack = new Stack(app, 'ManagedDeployment');
  const api = new apigwv2.WebSocketApi(stack, 'Api');
  api.addRoute('sendmessage', { integration: new WebSocketMockIntegration('Mock') });
  new WebSocketStage(stack, 'Stage', { webSocketApi: api, stageName: 'prod', managedDeployment: true });
  return stack;
}

module.exports = { build };

if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}
