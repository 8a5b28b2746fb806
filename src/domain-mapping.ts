import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { Construct } from 'constructs';
import { checkString, RULES } from './validation';

/**
 * The construct id of the stage's API mapping. Fixed, so that renaming or moving the domain construct,
 * or changing the mapping key, updates the mapping in place instead of replacing it.
 */
export const API_MAPPING_ID = 'ApiMapping';

/**
 * Maps the stage on a custom domain name, as `AWS::ApiGatewayV2::ApiMapping` under the stage.
 *
 * An empty mapping key means the root of the domain, exactly as leaving the key out does.
 *
 * @param awsCdkLibLogicalIds whether the mapping takes the construct path, and so the logical id, that
 * aws-cdk-lib's stage gives it, so that a stack switched from that stage keeps its mapping
 */
export function addDomainMapping(
  stage: Construct & apigwv2.IWebSocketStage,
  stageResource: apigwv2.CfnStage,
  options: apigwv2.DomainMappingOptions,
  awsCdkLibLogicalIds: boolean,
): apigwv2.CfnApiMapping {
  checkString('domainMapping.mappingKey', options.mappingKey, RULES.mappingKey);
  const [scope, id] = awsCdkLibLogicalIds ? [awsCdkLibMappingScope(stage, options), 'Resource'] : [stage, API_MAPPING_ID];
  const mapping = new apigwv2.CfnApiMapping(scope, id, {
    apiId: stage.api.apiId,
    domainName: mappedDomainName(options.domainName),
    stage: stage.stageName,
    apiMappingKey: options.mappingKey === '' ? undefined : options.mappingKey,
  });
  // The stage name is a literal, not a reference, so CloudFormation would not wait for the stage by itself.
  mapping.node.addDependency(stageResource);
  // As aws-cdk-lib's stage: the Stage and its mapping wait for a domain defined in the app (an imported one has no
  // resource to wait for). The Stage does not need it, but a dependency removed is a change to a switched stack.
  stageResource.node.addDependency(options.domainName);
  mapping.node.addDependency(options.domainName);
  return mapping;
}

/**
 * The construct aws-cdk-lib's stage puts its mapping's `Resource` in: an `ApiMapping` whose id is the domain
 * construct's path followed by the key, `undefined` when there is none (`S/Domain` and no key gives
 * `S--Domainundefined`). The logical id hashes every part of the path, so the holder and the `Resource` id must
 * both be the same as there.
 */
function awsCdkLibMappingScope(stage: Construct, options: apigwv2.DomainMappingOptions): Construct {
  return new Construct(stage, `${options.domainName}${options.mappingKey}`);
}

/**
 * The name to map on. A domain construct's own `name` comes first: in aws-cdk-lib 2.234, and later releases
 * until aws-cdk issue #36708 was fixed, an imported domain's `domainNameRef.domainName` is its regional
 * endpoint name, which would map the stage on the wrong domain.
 */
export function mappedDomainName(domain: apigwv2.IDomainNameRef): string {
  return isDomainName(domain) ? domain.name : domain.domainNameRef.domainName;
}

function isDomainName(domain: apigwv2.IDomainNameRef): domain is apigwv2.IDomainName {
  return typeof (domain as Partial<apigwv2.IDomainName>).name === 'string';
}
