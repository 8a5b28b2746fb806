import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { CfnResource, Stack } from 'aws-cdk-lib/core';

/** The CloudFormation types that make up what a deployment of an API snapshots. */
const DEFINITION_TYPES = new Set([
  apigwv2.CfnRoute.CFN_RESOURCE_TYPE_NAME,
  apigwv2.CfnRouteResponse.CFN_RESOURCE_TYPE_NAME,
  apigwv2.CfnIntegration.CFN_RESOURCE_TYPE_NAME,
  apigwv2.CfnIntegrationResponse.CFN_RESOURCE_TYPE_NAME,
  apigwv2.CfnAuthorizer.CFN_RESOURCE_TYPE_NAME,
  apigwv2.CfnModel.CFN_RESOURCE_TYPE_NAME,
]);

/**
 * The routes, integrations, responses, authorizers and models of the API that are defined in the API's stack,
 * wherever they sit in the construct tree.
 */
export function apiDefinition(api: apigwv2.IWebSocketApi): CfnResource[] {
  return Stack.of(api).node.findAll()
    .filter((c): c is CfnResource => CfnResource.isCfnResource(c) && DEFINITION_TYPES.has(c.cfnResourceType))
    .filter((resource) => (resource as unknown as { apiId?: string }).apiId === api.apiId);
}

/**
 * The API's own `AWS::ApiGatewayV2::Api`, when the API is defined in this app (an imported API has none). Its
 * selection expressions and other settings are part of what a deployment publishes.
 */
export function apiResource(api: apigwv2.IWebSocketApi): CfnResource | undefined {
  const resource = api.node.defaultChild;
  return CfnResource.isCfnResource(resource) && resource.cfnResourceType === apigwv2.CfnApi.CFN_RESOURCE_TYPE_NAME ? resource : undefined;
}

/** The API's routes defined in the API's stack. */
export function apiRoutes(api: apigwv2.IWebSocketApi): apigwv2.CfnRoute[] {
  return apiDefinition(api)
    .filter((resource) => resource.cfnResourceType === apigwv2.CfnRoute.CFN_RESOURCE_TYPE_NAME) as apigwv2.CfnRoute[];
}
