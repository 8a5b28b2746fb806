import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { CfnResource, Stack } from 'aws-cdk-lib/core';

/**
 * The CloudFormation types that make up what a deployment of an API snapshots. Written out rather than read from
 * the L1 classes, which would load aws-cdk-lib's generated apigatewayv2 module whenever this library is required.
 */
const ROUTE_TYPE = 'AWS::ApiGatewayV2::Route';
const DEFINITION_TYPES = new Set([
  ROUTE_TYPE,
  'AWS::ApiGatewayV2::RouteResponse',
  'AWS::ApiGatewayV2::Integration',
  'AWS::ApiGatewayV2::IntegrationResponse',
  'AWS::ApiGatewayV2::Authorizer',
  'AWS::ApiGatewayV2::Model',
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

/** The API's routes defined in the API's stack. */
export function apiRoutes(api: apigwv2.IWebSocketApi): apigwv2.CfnRoute[] {
  return apiDefinition(api)
    .filter((resource) => resource.cfnResourceType === ROUTE_TYPE) as apigwv2.CfnRoute[];
}
