import { createHash } from 'crypto';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { CfnResource, Stack } from 'aws-cdk-lib/core';
import { Construct } from 'constructs';
import { apiDefinition, apiResource } from './api-definition';

/** The construct id, under the stage, of the deployment the stage manages. */
const DEPLOYMENT_ID = 'Deployment';

/**
 * A deployment of the API for a stage without `autoDeploy`. Call `finalizeDeployment` once the API is complete
 * (at synthesis) to tie it to the API's definition.
 */
export function createDeployment(stage: Construct, api: apigwv2.IWebSocketApi): apigwv2.CfnDeployment {
  return new apigwv2.CfnDeployment(stage, DEPLOYMENT_ID, {
    apiId: api.apiId,
    description: `Deployment of ${stage.node.path}, managed by cdk-websocket-stage`,
  });
}

/**
 * Makes the deployment wait for every route, integration, response, authorizer and model of the API, and gives it
 * a logical id that changes with them and with the API's own resource: a changed API then gets a new deployment,
 * which is what publishes it.
 */
export function finalizeDeployment(deployment: apigwv2.CfnDeployment, api: apigwv2.IWebSocketApi): void {
  const stack = Stack.of(deployment);
  const definition = apiDefinition(api);
  const hash = createHash('sha256');
  const hashResource = (resource: CfnResource) => {
    // The logical id too, overrides included: a resource that moves to another one is replaced, and the
    // deployment must follow.
    hash.update(stack.resolve(resource.logicalId));
    hash.update(JSON.stringify(deployedPartOf(stack, resource)));
  };
  // Hashed, not waited for: the deployment's ApiId already makes it wait for the API.
  const ownResource = apiResource(api);
  if (ownResource) {
    hashResource(ownResource);
  }
  for (const resource of definition) {
    deployment.node.addDependency(resource);
    hashResource(resource);
  }
  deployment.overrideLogicalId(`${stack.getLogicalId(deployment)}${hash.digest('hex').slice(0, 8).toUpperCase()}`);
}

/**
 * What API Gateway deploys of the resource: its type and properties as they will be written to the template.
 * Not its `Metadata`, which CloudFormation keeps to itself: `aws:cdk:path` is there under `cdk synth` and not in
 * a unit test's `Template.fromStack`, and a change to metadata alone must not redeploy an unchanged API. Nor its
 * `DependsOn` or policies, which only order and protect the resource. `_toCloudFormation` is aws-cdk-lib's own
 * rendering (with the overrides applied); there is no public equivalent, and hashing anything less would miss changes.
 */
function deployedPartOf(stack: Stack, resource: CfnResource): unknown {
  // The rendered resource is a token: it is the resolved one that has the Type and Properties.
  const rendered = (resource as unknown as { _toCloudFormation(): unknown })._toCloudFormation();
  const resources: Record<string, { Type: unknown; Properties?: unknown }> = stack.resolve(rendered).Resources;
  return Object.values(resources).map(({ Type, Properties }) => ({ Type, Properties }));
}
