import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { Resource, Stack, Token } from 'aws-cdk-lib/core';
import { aws_apigatewayv2 as apigwv2Refs } from 'aws-cdk-lib/interfaces';
import { Construct } from 'constructs';
import { Claim, describeMapping, domainMappingClaim } from './claims';
import { API_MAPPING_ID, checkDomainMappingOptions, mappedDomainName } from './domain-mapping';
import { checkType, invalidInput } from './validation';

/** A custom domain the stage is mapped on, and the key it is mapped under (undefined for the root). */
interface Mapping {
  /** The name the template maps on: a token for a domain defined in the app. */
  readonly domainName: string;
  /** The name as written, when the domain is defined in the app with a literal name. */
  readonly literalName?: string;
  readonly mappingKey?: string;
}

function mappingOf(options: apigwv2.DomainMappingOptions): Mapping {
  const resource = options.domainName.node.defaultChild;
  const literal = resource instanceof apigwv2.CfnDomainName && !Token.isUnresolved(resource.domainName) ? resource.domainName : undefined;
  return { domainName: mappedDomainName(options.domainName), literalName: literal, mappingKey: options.mappingKey || undefined };
}

/**
 * The construct id of a mapping added with `addDomainMapping`: `ApiMapping:{domainName}:{mappingKey}`, or
 * `ApiMapping:{domainName}` on the root, with the domain's name as written (`ws.example.com`), also for a domain
 * defined in the app, whose `name` is a reference. The id depends only on the domain and the key, so adding or
 * removing another mapping never changes it, and no domain and key give the id of another: `:` is in neither a
 * domain name nor a mapping key. A name or key that is a token is written as what it resolves to, such as
 * `{"Ref":"DomainName"}`.
 */
export function addedMappingId(stage: Construct, mapping: Mapping): string {
  const part = (value: string) => (Token.isUnresolved(value) ? JSON.stringify(Stack.of(stage).resolve(value)) : value);
  const key = mapping.mappingKey === undefined ? [] : [part(mapping.mappingKey)];
  return [API_MAPPING_ID, part(mapping.literalName ?? mapping.domainName), ...key].join(':');
}

/**
 * The custom domains a stage is mapped on: the `domainMapping` prop's mapping first, then those added with
 * `addDomainMapping`, with the URLs on each.
 */
export class DomainMappings {
  /** By construct id, which is unique to a domain and key. */
  private readonly mappings = new Map<string, Mapping>();
  private readonly first?: Mapping;

  /**
   * @param stage the stage
   * @param stageResource its L1, which every mapping waits for
   * @param firstOptions the `domainMapping` prop, if any
   * @param firstResource the mapping made of it, whose domain name its URLs use
   */
  constructor(
    private readonly stage: Construct & apigwv2.IWebSocketStage,
    private readonly stageResource: apigwv2.CfnStage,
    firstOptions?: apigwv2.DomainMappingOptions,
    firstResource?: apigwv2.CfnApiMapping,
  ) {
    if (firstOptions && firstResource) {
      this.first = { ...mappingOf(firstOptions), domainName: firstResource.domainName };
      this.mappings.set(addedMappingId(stage, this.first), this.first);
    }
  }

  /** Maps the stage on one more domain, or on the same domain under another key. */
  public add(options: apigwv2.DomainMappingOptions): apigwv2.IApiMapping {
    checkDomainMappingOptions('addDomainMapping options', options, (field) => `addDomainMapping ${field}`);
    const mapping = mappingOf(options);
    const id = addedMappingId(this.stage, mapping);
    if (this.mappings.has(id)) {
      throw invalidInput('addDomainMapping', 'must not map the stage twice on the same domain and key', describe(mapping));
    }
    const claim = claimOf('addDomainMapping', this.stage, mapping);
    const resource = new AddedApiMapping(this.stage, id, {
      apiId: this.stage.api.apiId,
      domainName: mapping.domainName,
      stage: this.stage.stageName,
      apiMappingKey: mapping.mappingKey,
    });
    // As for the first mapping: the stage name is a literal, so CloudFormation would not wait for the stage.
    resource.node.defaultChild!.node.addDependency(this.stageResource);
    this.mappings.set(id, mapping);
    claim();
    return resource;
  }

  /** The claim of the `domainMapping` prop's mapping on its domain and key, see `domainMappingClaim`. */
  public claimFirst(): Claim {
    return claimOf('domainMapping', this.stage, this.first!);
  }

  /** The URL of the first mapping; `member` names what was asked for when there is none. */
  public firstUrl(scheme: 'wss' | 'https', member: string): string {
    if (!this.first) {
      throw new Error(`${member} is only available on a stage with a domainMapping, and this stage has none`);
    }
    return url(scheme, this.first);
  }

  /**
   * The URL of the mapping on a domain under a key; `member` names what was asked for when there is none. The
   * domain is named as written or by its `name`.
   */
  public urlFor(scheme: 'wss' | 'https', member: string, domainName: string, mappingKey?: string): string {
    checkType(`${member} domainName`, domainName, 'string');
    checkType(`${member} mappingKey`, mappingKey, 'string');
    const key = mappingKey || undefined;
    const mapping = [...this.mappings.values()].find((candidate) => candidate.mappingKey === key
      && (candidate.domainName === domainName || candidate.literalName === domainName));
    if (!mapping) {
      const mapped = [...this.mappings.values()].map(describe).join(', ') || 'none';
      throw invalidInput(member, `must name a domain and key the stage is mapped on (mappings: ${mapped})`,
        describe({ domainName, mappingKey: key }));
    }
    return url(scheme, mapping);
  }
}

/** `{scheme}://{domain}/{key}`, or `{scheme}://{domain}` on the root. */
function url(scheme: 'wss' | 'https', mapping: Mapping): string {
  return `${scheme}://${mapping.domainName}${mapping.mappingKey === undefined ? '' : `/${mapping.mappingKey}`}`;
}

function describe(mapping: Mapping): string {
  return describeMapping({ name: mapping.literalName ?? mapping.domainName, mappingKey: mapping.mappingKey });
}

function claimOf(prop: string, stage: Construct, mapping: Mapping): Claim {
  return domainMappingClaim(prop, stage, { name: mapping.literalName ?? mapping.domainName, mappingKey: mapping.mappingKey });
}

/**
 * A mapping added with `addDomainMapping`: an `AWS::ApiGatewayV2::ApiMapping` that is an aws-cdk-lib
 * `IApiMapping`. (aws-cdk-lib's own `ApiMapping` maps an imported domain on its regional endpoint name in
 * 2.234, see `mappedDomainName`.)
 */
class AddedApiMapping extends Resource implements apigwv2.IApiMapping {
  public readonly apiMappingId: string;
  private readonly domainName: string;

  constructor(scope: Construct, id: string, props: apigwv2.CfnApiMappingProps & { readonly domainName: string }) {
    super(scope, id);
    this.apiMappingId = new apigwv2.CfnApiMapping(this, 'Resource', props).ref;
    this.domainName = props.domainName;
  }

  public get apiMappingRef(): apigwv2Refs.ApiMappingReference {
    return { apiMappingId: this.apiMappingId, domainName: this.domainName };
  }
}
