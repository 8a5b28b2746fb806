import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { Token } from 'aws-cdk-lib/core';
import { checkStageName, checkString, checkTags, checkType, invalidInput, RULES } from './validation';
import { WebSocketStageProps } from './websocket-stage-props';

/**
 * Throws when a prop of a stage breaks its rule. Route settings, stage variables, the access log format and
 * the mapping key are checked where they are used; this checks the rest, and that no prop is `null`, which
 * JavaScript callers can pass and the template would carry as it is.
 */
export function checkStageProps(props: WebSocketStageProps): void {
  for (const [prop, value] of Object.entries(props)) {
    if (value === null) {
      throw invalidInput(prop, 'must be left out, not null, to take its default', value);
    }
  }
  checkType('webSocketApi', props.webSocketApi, 'object');
  checkStageName('stageName', props.stageName);
  checkString('description', props.description, RULES.description);
  checkString('clientCertificateId', props.clientCertificateId, { pattern: /^[\s\S]+$/, rule: 'must not be empty' });
  checkTags('tags', props.tags);
  for (const flag of ['autoDeploy', 'cloudWatchRole', 'managedDeployment', 'awsCdkLibLogicalIds'] as const) {
    checkType(flag, props[flag], 'boolean');
  }
  for (const struct of ['domainMapping', 'accessLogSettings', 'throttle'] as const) {
    checkType(struct, props[struct], 'object');
  }
  if (props.managedDeployment && props.autoDeploy) {
    throw new Error('managedDeployment cannot be true when autoDeploy is true: an auto-deployed stage takes no '
      + 'deployment of its own (got autoDeploy: true, managedDeployment: true)');
  }
}

/** The names the stages of this app have taken on each API, with the path of the stage that took each. */
const stageNamesByApi = new WeakMap<apigwv2.IWebSocketApi, Map<string, string>>();

/**
 * Throws when another stage of this app already has the stage's name on the same API: CloudFormation would create
 * the first and fail on the second. Names that are tokens are only known at deploy time and pass.
 */
export function claimStageName(api: apigwv2.IWebSocketApi, stageName: string, stagePath: string): void {
  if (Token.isUnresolved(stageName)) {
    return;
  }
  let taken = stageNamesByApi.get(api);
  if (!taken) {
    taken = new Map();
    stageNamesByApi.set(api, taken);
  }
  const other = taken.get(stageName);
  if (other !== undefined) {
    throw invalidInput('stageName', `must be unique on the API: stage '${other}' already has that name`, stageName);
  }
  taken.set(stageName, stagePath);
}
