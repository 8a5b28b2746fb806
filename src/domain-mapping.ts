import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { Construct } from 'constructs';
import { checkKnownKeys, checkString, checkType, invalidInput, keysOf, RULES } from './validation';

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
  checkDomainMappingOptions('domainMapping', options, (field) => `domainMapping.${field}`);
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

/** The fields of aws-cdk-lib's `DomainMappingOptions`, to refuse keys that would be ignored. */
const OPTION_FIELDS = keysOf<apigwv2.DomainMappingOptions>({ domainName: true, mappingKey: true });

/**
 * Throws when mapping options are not what the stage can map, which only JavaScript callers (and dicts from other
 * languages) can give: a missing or unknown field, a domain that is not a domain, a bad mapping key.
 *
 * @param prop the prop or method the options came from: `domainMapping`, or `addDomainMapping`
 * @param field how a field of the options is named in errors, for example `domainMapping.domainName`
 */
export function checkDomainMappingOptions(prop: string, options: apigwv2.DomainMappingOptions,
  field: (name: keyof apigwv2.DomainMappingOptions) => string): void {
  checkType(prop, options, 'object');
  if (options === undefined) {
    throw invalidInput(prop, 'must be given: the domain to map the stage on, and its key', options);
  }
  checkKnownKeys(prop, options, OPTION_FIELDS);
  const domain: unknown = options.domainName;
  checkType(field('domainName'), domain, 'object');
  if (domain === undefined || !isDomain(domain as object)) {
    throw invalidInput(field('domainName'), 'must be given, as a custom domain: an apigwv2.DomainName, or one imported '
      + 'with DomainName.fromDomainNameAttributes', domain);
  }
  checkString(field('mappingKey'), options.mappingKey, RULES.mappingKey);
}

function isDomain(domain: object): domain is apigwv2.IDomainNameRef {
  const candidate = domain as Partial<apigwv2.IDomainName>;
  return typeof candidate.node === 'object' && (typeof candidate.name === 'string' || typeof candidate.domainNameRef?.domainName === 'string');
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
