import { Match, Template } from 'aws-cdk-lib/assertions';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { WebSocketMockIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { WebSocketStage } from '../src';
import { apiDefinition } from '../src/api-definition';
import { apiFixture } from './fixtures';

function deployedStage(routes: string[], build?: (api: apigwv2.WebSocketApi) => void) {
  const { stack, api } = apiFixture();
  for (const route of routes) {
    api.addRoute(route, { integration: new WebSocketMockIntegration(`${route}Mock`) });
  }
  new WebSocketStage(stack, 'Stage', { webSocketApi: api, stageName: 'dev', managedDeployment: true });
  build?.(api);
  return { stack, api, template: Template.fromStack(stack) };
}

function deploymentId(template: Template): string {
  const ids = Object.keys(template.findResources('AWS::ApiGatewayV2::Deployment'));
  expect(ids).toHaveLength(1);
  return ids[0];
}

test('creates a deployment of the API and points the stage at it', () => {
  const { template } = deployedStage(['sendmessage']);
  const id = deploymentId(template);

  template.hasResourceProperties('AWS::ApiGatewayV2::Deployment', { ApiId: { Ref: 'ApiF70053CD' } });
  template.hasResourceProperties('AWS::ApiGatewayV2::Stage', { DeploymentId: { Ref: id }, AutoDeploy: Match.absent() });
});

test('the deployment waits for every route and integration of the API, including those added after the stage', () => {
  const { stack, api, template } = deployedStage(['sendmessage'], (a) => a.addRoute('later', { integration: new WebSocketMockIntegration('LaterMock') }));
  const expected = ['sendmessage-Route', 'later-Route'].flatMap((route) => {
    const routeConstruct = api.node.findChild(route);
    return [routeConstruct.node.defaultChild, routeConstruct.node.findAll().find((c) => c instanceof apigwv2.CfnIntegration)]
      .map((c) => stack.getLogicalId(c as apigwv2.CfnRoute));
  });

  const dependsOn = Object.values(template.findResources('AWS::ApiGatewayV2::Deployment'))[0].DependsOn;
  expect(dependsOn).toEqual(expect.arrayContaining(expected));
  expect(dependsOn).toHaveLength(4);
});

test('the deployment logical id changes when a route changes, and only then', () => {
  const one = deploymentId(deployedStage(['sendmessage']).template);
  const same = deploymentId(deployedStage(['sendmessage']).template);
  const more = deploymentId(deployedStage(['sendmessage', 'join']).template);
  const other = deploymentId(deployedStage(['sendmessage'], (api) => {
    (api.node.findChild('sendmessage-Route').node.defaultChild as apigwv2.CfnRoute).apiKeyRequired = true;
  }).template);

  expect(one).toMatch(/^StageDeployment[0-9A-F]{8}[0-9A-F]{8}$/);
  expect(same).toBe(one);
  expect(more).not.toBe(one);
  expect(other).not.toBe(one);
});

test('another API in the stack does not change the deployment', () => {
  const alone = deploymentId(deployedStage(['sendmessage']).template);
  const withOther = deploymentId(deployedStage(['sendmessage'], (api) => {
    const other = new apigwv2.WebSocketApi(api.stack, 'OtherApi');
    other.addRoute('x', { integration: new WebSocketMockIntegration('OtherMock') });
  }).template);

  expect(withOther).toBe(alone);
});

test('fails when combined with autoDeploy', () => {
  const { stack, api } = apiFixture();

  expect(() => new WebSocketStage(stack, 'Stage', { webSocketApi: api, stageName: 'dev', autoDeploy: true, managedDeployment: true }))
    .toThrow('managedDeployment cannot be true when autoDeploy is true: an auto-deployed stage takes no deployment of its own '
      + '(got autoDeploy: true, managedDeployment: true)');
});

test('the definition types are the L1 types of aws-cdk-lib', () => {
  // api-definition.ts writes the type names out so that requiring the library does not load the L1 module.
  const { stack, api } = apiFixture();
  api.addRoute('x', { integration: new WebSocketMockIntegration('XMock') });
  new apigwv2.CfnRouteResponse(stack, 'RR', { apiId: api.apiId, routeId: 'r', routeResponseKey: '$default' });
  new apigwv2.CfnIntegrationResponse(stack, 'IR', { apiId: api.apiId, integrationId: 'i', integrationResponseKey: '$default' });
  new apigwv2.CfnAuthorizer(stack, 'Auth', { apiId: api.apiId, authorizerType: 'REQUEST', name: 'a' });
  new apigwv2.CfnModel(stack, 'Model', { apiId: api.apiId, name: 'm', schema: {} });

  const types = apiDefinition(api).map((resource) => resource.cfnResourceType).sort();
  expect(types).toEqual([
    apigwv2.CfnAuthorizer.CFN_RESOURCE_TYPE_NAME, apigwv2.CfnIntegration.CFN_RESOURCE_TYPE_NAME,
    apigwv2.CfnIntegrationResponse.CFN_RESOURCE_TYPE_NAME, apigwv2.CfnModel.CFN_RESOURCE_TYPE_NAME,
    apigwv2.CfnRoute.CFN_RESOURCE_TYPE_NAME, apigwv2.CfnRouteResponse.CFN_RESOURCE_TYPE_NAME,
  ].sort());
});
