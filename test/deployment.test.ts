import { App, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { apiDefinition } from '../src/api-definition';
import { addRoute, newApi, newStack, newStage } from './fixtures';

const MANAGED = { managedDeployment: true };

function deploymentId(stack: Stack): string {
  const ids = Object.keys(Template.fromStack(stack).findResources('AWS::ApiGatewayV2::Deployment'));
  expect(ids).toHaveLength(1);
  return ids[0];
}

/** The deployment logical id of a managed stage of an API with these routes, after `change`. */
function deploymentIdWith(routes: string[], change?: (api: apigwv2.WebSocketApi) => void): string {
  const api = newApi();
  routes.forEach((route) => addRoute(api, route));
  newStage(api, MANAGED);
  change?.(api);
  return deploymentId(api.stack);
}

test('creates a deployment of the API and points the stage at it', () => {
  const api = newApi();
  addRoute(api, 'sendmessage');
  newStage(api, MANAGED);
  const template = Template.fromStack(api.stack);

  template.hasResourceProperties('AWS::ApiGatewayV2::Deployment', { ApiId: api.stack.resolve(api.apiId) });
  template.hasResourceProperties('AWS::ApiGatewayV2::Stage', { DeploymentId: { Ref: deploymentId(api.stack) }, AutoDeploy: Match.absent() });
});

test('the deployment waits for every route and integration of the API, including those added after the stage', () => {
  const api = newApi();
  addRoute(api, 'sendmessage');
  newStage(api, MANAGED);
  addRoute(api, 'later');
  const expected = ['sendmessage-Route', 'later-Route'].flatMap((route) => {
    const routeConstruct = api.node.findChild(route);
    return [routeConstruct.node.defaultChild, routeConstruct.node.findAll().find((c) => c instanceof apigwv2.CfnIntegration)]
      .map((c) => api.stack.getLogicalId(c as apigwv2.CfnRoute));
  });

  const dependsOn = Object.values(Template.fromStack(api.stack).findResources('AWS::ApiGatewayV2::Deployment'))[0].DependsOn;
  expect(dependsOn).toEqual(expect.arrayContaining(expected));
  expect(dependsOn).toHaveLength(4);
});

test('the deployment logical id changes when a route changes, and only then', () => {
  const one = deploymentIdWith(['sendmessage']);
  const same = deploymentIdWith(['sendmessage']);
  const more = deploymentIdWith(['sendmessage', 'join']);
  const other = deploymentIdWith(['sendmessage'], (api) => {
    (api.node.findChild('sendmessage-Route').node.defaultChild as apigwv2.CfnRoute).apiKeyRequired = true;
  });

  expect(one).toMatch(/^StageDeployment[0-9A-F]{8}[0-9A-F]{8}$/);
  expect(same).toBe(one);
  expect(more).not.toBe(one);
  expect(other).not.toBe(one);
});

test('a route that only moves to another logical id makes a new deployment: CloudFormation replaces the route', () => {
  const before = deploymentIdWith(['sendmessage']);
  const after = deploymentIdWith(['sendmessage'], (api) => {
    (api.node.findChild('sendmessage-Route').node.defaultChild as apigwv2.CfnRoute).overrideLogicalId('MovedRoute');
  });

  expect(after).not.toBe(before);
});

test.each<[string, (api: apigwv2.CfnApi) => void]>([
  ['routeSelectionExpression', (api) => { api.routeSelectionExpression = '$request.body.type'; }],
  ['apiKeySelectionExpression', (api) => { api.apiKeySelectionExpression = '$context.authorizer.usageIdentifierKey'; }],
])("a change to the API's own %s makes a new deployment", (_name, change) => {
  const before = deploymentIdWith(['sendmessage']);
  const after = deploymentIdWith(['sendmessage'], (api) => change(api.node.defaultChild as apigwv2.CfnApi));

  expect(after).toMatch(/^StageDeployment[0-9A-F]{8}[0-9A-F]{8}$/);
  expect(after).not.toBe(before);
});

test('the deployment waits for the API through its ApiId, not a DependsOn that could close a cycle', () => {
  const api = newApi();
  addRoute(api, 'sendmessage');
  newStage(api, MANAGED);
  const deployment = Template.fromStack(api.stack).findResources('AWS::ApiGatewayV2::Deployment')[deploymentId(api.stack)];
  const apiLogicalId = api.stack.getLogicalId(api.node.defaultChild as apigwv2.CfnApi);

  expect(deployment.Properties.ApiId).toEqual({ Ref: apiLogicalId });
  expect(deployment.DependsOn ?? []).not.toContain(apiLogicalId);
});

test('another API in the stack does not change the deployment', () => {
  const alone = deploymentIdWith(['sendmessage']);
  const withOther = deploymentIdWith(['sendmessage'], (api) => {
    addRoute(new apigwv2.WebSocketApi(api.stack, 'OtherApi'), 'x');
  });

  expect(withOther).toBe(alone);
});

test('fails when combined with autoDeploy', () => {
  expect(() => newStage(newApi(), { autoDeploy: true, managedDeployment: true })).toThrow(/^S\/Stage: managedDeployment .*autoDeploy/);
});

test('the definition holds every route, integration, response, authorizer and model of the API', () => {
  const api = newApi();
  const { stack } = api;
  addRoute(api, 'x');
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

describe('on an API without routes', () => {
  const NO_ROUTES = Match.stringLikeRegexp('managedDeployment .*no routes');

  test('warns, since API Gateway refuses to deploy it', () => {
    const api = newApi();
    newStage(api, MANAGED);

    Annotations.fromStack(api.stack).hasWarning('/S/Stage', NO_ROUTES);
  });

  test('does not warn once the API has a route, even one added after the stage', () => {
    const api = newApi();
    newStage(api, MANAGED);
    addRoute(api, '$default');

    Annotations.fromStack(api.stack).hasNoWarning('*', NO_ROUTES);
  });

  test('does not warn for an imported API, whose routes are not in the app', () => {
    const stack = newStack();
    const api = apigwv2.WebSocketApi.fromWebSocketApiAttributes(stack, 'Imported', { webSocketId: 'abc123' });
    newStage(api, MANAGED);

    Annotations.fromStack(stack).hasNoWarning('*', NO_ROUTES);
  });
});

describe('the deployment logical id does not move with metadata', () => {
  /** The deployment id of the app of `deploymentIdWith`, built with this context and `change`. */
  const idWith = (context: Record<string, unknown>, change?: (api: apigwv2.WebSocketApi) => void) => {
    const api = newApi(new Stack(new App({ context }), 'S'));
    addRoute(api, 'sendmessage');
    newStage(api, MANAGED);
    change?.(api);
    return deploymentId(api.stack);
  };
  const route = (api: apigwv2.WebSocketApi) => api.node.findChild('sendmessage-Route').node.defaultChild as apigwv2.CfnRoute;

  test('the same with path metadata (aws:cdk:path, as cdk synth writes it) and without', () => {
    const withPaths = idWith({ 'aws:cdk:enable-path-metadata': true });
    expect(Object.values(Template.fromStack(newApi(new Stack(new App({ context: { 'aws:cdk:enable-path-metadata': true } }), 'S')).stack)
      .findResources('AWS::ApiGatewayV2::Api'))[0].Metadata).toHaveProperty(['aws:cdk:path']);
    expect(withPaths).toBe(idWith({}));
  });

  test('the same when only the metadata of a route changes', () => {
    expect(idWith({}, (api) => route(api).addMetadata('owner', 'team-a'))).toBe(idWith({}));
  });

  test('still changes with a route\'s properties, and with an integration\'s', () => {
    const integration = (api: apigwv2.WebSocketApi) => api.node.findChild('sendmessage-Route').node.findAll()
      .find((c): c is apigwv2.CfnIntegration => c instanceof apigwv2.CfnIntegration)!;

    expect(idWith({}, (api) => { route(api).operationName = 'Send'; })).not.toBe(idWith({}));
    expect(idWith({}, (api) => { integration(api).timeoutInMillis = 1000; })).not.toBe(idWith({}));
  });
});
