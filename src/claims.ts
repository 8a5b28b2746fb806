import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { Stack, Token } from 'aws-cdk-lib/core';
import { IConstruct } from 'constructs';
import { invalidInput } from './validation';

/**
 * What a stage takes in the app that no other stage may take: its name on its API, and each domain and key it is
 * mapped on. CloudFormation would create the first and fail on the second, or API Gateway would refuse it.
 *
 * Each check returns the claim, which the stage makes only once every one of its checks has passed: a stage
 * that fails keeps nothing, so a test suite that catches the error can still create a valid stage of that name.
 */
export type Claim = () => void;

/** The names the stages of this app have taken on each API, with the stage that took each. */
const stageNamesByApi = new WeakMap<apigwv2.IWebSocketApi, Map<string, IConstruct>>();

/**
 * Throws when another stage of this app already has the stage's name on the same API. Names that are tokens are
 * only known at deploy time and pass.
 */
export function stageNameClaim(api: apigwv2.IWebSocketApi, stageName: string, stage: IConstruct): Claim {
  const taken = stageNamesByApi.get(api);
  const other = taken?.get(stageName);
  // Asked only now, since it costs more than the lookup: a token may be shared, its value is unknown here.
  if (other !== undefined && !Token.isUnresolved(stageName)) {
    throw invalidInput('stageName', `must be unique on the API: stage '${other.node.path}' already has that name`, stageName);
  }
  return () => {
    if (taken) {
      taken.set(stageName, stage);
    } else {
      stageNamesByApi.set(api, new Map([[stageName, stage]]));
    }
  };
}

/** A domain and key a stage maps, as `describe` names them in errors. */
export interface MappedDomain {
  /** The domain's name as written, or a token for a domain whose name is only known at deploy time. */
  readonly name: string;
  /** The mapping key, undefined for the root. */
  readonly mappingKey?: string;
}

/** The domains and keys the stages of each app map, with the stage that maps each. */
const mappingsByApp = new WeakMap<IConstruct, Map<string, IConstruct>>();

/**
 * Throws when another stage of this app maps the same domain and key in the same environment (account and
 * region: custom domains are regional, and one name may be set up in several regions). Stacks without an
 * environment count as one. Names and keys that are tokens are only known at deploy time and pass.
 *
 * @param prop the prop or method the mapping came from, for the error
 */
export function domainMappingClaim(prop: string, stage: IConstruct, mapping: MappedDomain): Claim {
  const { name, mappingKey } = mapping;
  if (Token.isUnresolved(name) || Token.isUnresolved(mappingKey)) {
    return () => undefined;
  }
  const stack = Stack.of(stage);
  // Domain names are case-insensitive (DNS); mapping keys are paths, which are not. No key (the root) is null.
  // Stryker disable next-line MethodExpression: equivalent; toUpperCase folds case as well
  const key = JSON.stringify([stack.account, stack.region, name.toLowerCase(), mappingKey]);
  const root = stage.node.root;
  const mapped = mappingsByApp.get(root);
  const other = mapped?.get(key);
  if (other !== undefined) {
    throw invalidInput(prop, `must not map a domain and key another stage maps: stage '${other.node.path}' already maps `
      + 'it, and API Gateway refuses a second mapping of the same domain and key', describeMapping(mapping));
  }
  return () => {
    if (mapped) {
      mapped.set(key, stage);
    } else {
      mappingsByApp.set(root, new Map([[key, stage]]));
    }
  };
}

/** `domain/key`, or `domain` for the root. */
export function describeMapping(mapping: MappedDomain): string {
  return mapping.mappingKey === undefined ? mapping.name : `${mapping.name}/${mapping.mappingKey}`;
}
