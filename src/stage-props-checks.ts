import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { Token } from 'aws-cdk-lib/core';
import { IConstruct } from 'constructs';
import { checkStageName, checkString, checkTags, checkType, InputType, invalidInput, RULES } from './validation';
import { WebSocketStageProps } from './websocket-stage-props';

/**
 * The declared type of each prop that is checked here only for its type; the objects among them are checked
 * field by field where they are used. A map: a prop named like a member of `Object.prototype` must not match.
 */
const PROP_TYPES: ReadonlyMap<string, InputType> = new Map([
  ['webSocketApi', 'object'],
  ['autoDeploy', 'boolean'],
  ['cloudWatchRole', 'boolean'],
  ['managedDeployment', 'boolean'],
  ['awsCdkLibLogicalIds', 'boolean'],
  ['domainMapping', 'object'],
  ['accessLogSettings', 'object'],
  ['throttle', 'object'],
]);

/**
 * Throws when a prop of a stage breaks its rule. Route settings, stage variables, the access log format and
 * the mapping key are checked where they are used; this checks the rest, and that no prop is `null`, which
 * JavaScript callers can pass and the template would carry as it is.
 */
export function checkStageProps(props: WebSocketStageProps): void {
  // Only the props given: a stage sets a few of its many.
  for (const prop in props) {
    const value: unknown = props[prop as keyof WebSocketStageProps];
    if (value === null) {
      throw invalidInput(prop, 'must be left out, not null, to take its default', value);
    }
    const type = PROP_TYPES.get(prop);
    if (type !== undefined) {
      checkType(prop, value, type);
    }
  }
  checkStageName('stageName', props.stageName);
  checkString('description', props.description, RULES.description);
  checkString('clientCertificateId', props.clientCertificateId, RULES.clientCertificateId);
  checkTags('tags', props.tags);
  if (props.managedDeployment && props.autoDeploy) {
    throw new Error('managedDeployment cannot be true when autoDeploy is true: an auto-deployed stage takes no '
      + 'deployment of its own (got autoDeploy: true, managedDeployment: true)');
  }
}

/** The names the stages of this app have taken on each API, with the stage that took each. */
const stageNamesByApi = new WeakMap<apigwv2.IWebSocketApi, Map<string, IConstruct>>();

/**
 * Throws when another stage of this app already has the stage's name on the same API: CloudFormation would create
 * the first and fail on the second. Names that are tokens are only known at deploy time and pass.
 */
export function claimStageName(api: apigwv2.IWebSocketApi, stageName: string, stage: IConstruct): void {
  let taken = stageNamesByApi.get(api);
  if (!taken) {
    taken = new Map();
    stageNamesByApi.set(api, taken);
  }
  const other = taken.get(stageName);
  if (other === undefined) {
    taken.set(stageName, stage);
    return;
  }
  // Asked only now, since it costs more than the lookup: a token may be shared, its value is unknown here.
  if (!Token.isUnresolved(stageName)) {
    throw invalidInput('stageName', `must be unique on the API: stage '${other.node.path}' already has that name`, stageName);
  }
}
