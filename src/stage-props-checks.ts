import { Token } from 'aws-cdk-lib/core';
import { IConstruct } from 'constructs';
import {
  checkBoolean, checkStageName, checkString, checkSynthesisBoolean, checkTags, checkType, InputType, invalidInput, RULES, warnUnknownKeys,
} from './validation';
import { WebSocketStageProps } from './websocket-stage-props';

/**
 * How each prop is checked here: for its type (`deployTimeBoolean`: a boolean or a token), as a boolean that must be
 * known at synthesis (what it decides, for the error), or `elsewhere` (where it is used, field by field). Every prop
 * is listed, so the compiler keeps this in step with `WebSocketStageProps`; a key not listed is warned about.
 */
type PropCheck = InputType | 'deployTimeBoolean' | { readonly decides: string } | 'elsewhere';
const PROP_CHECKS: { readonly [prop in keyof Required<WebSocketStageProps>]: PropCheck } = {
  webSocketApi: 'object',
  stageName: 'elsewhere',
  autoDeploy: 'deployTimeBoolean',
  domainMapping: 'object',
  awsCdkLibLogicalIds: { decides: "the construct id, and so the logical id, of the domainMapping's ApiMapping" },
  throttle: 'object',
  description: 'elsewhere',
  detailedMetricsEnabled: 'elsewhere',
  accessLogSettings: 'object',
  stageVariables: 'elsewhere',
  loggingLevel: 'elsewhere',
  dataTraceEnabled: 'elsewhere',
  executionLogRetention: 'elsewhere',
  routeSettings: 'elsewhere',
  cloudWatchRole: { decides: "whether the stack has the account's CloudWatch Logs role and AWS::ApiGateway::Account" },
  tags: 'elsewhere',
  clientCertificateId: 'elsewhere',
  managedDeployment: { decides: 'whether the stage has an AWS::ApiGatewayV2::Deployment of its own' },
};
/** A map: a prop named like a member of `Object.prototype` must not match. */
const PROPS: ReadonlyMap<string, PropCheck> = new Map(Object.entries(PROP_CHECKS));

/**
 * Throws when a prop of a stage breaks its rule. Route settings, stage variables, the access log format and
 * the mapping key are checked where they are used; this checks the rest, and that no prop is `null`, which
 * JavaScript callers can pass and the template would carry as it is. A key that is not a prop is warned about on
 * `stage`.
 */
export function checkStageProps(props: WebSocketStageProps, stage: IConstruct): void {
  // Only the props given: a stage sets a few of its many.
  for (const prop in props) {
    const value: unknown = props[prop as keyof WebSocketStageProps];
    if (value === null) {
      throw invalidInput(prop, 'must be left out, not null, to take its default', value);
    }
    const check = PROPS.get(prop);
    if (check === 'deployTimeBoolean') {
      checkBoolean(prop, value);
    } else if (typeof check === 'object') {
      checkSynthesisBoolean(prop, value, check.decides);
    } else if (check !== undefined && check !== 'elsewhere') {
      checkType(prop, value, check);
    }
  }
  warnUnknownKeys(stage, 'props of WebSocketStage', props, PROPS);
  checkGiven('webSocketApi', props.webSocketApi, 'the WebSocket API the stage belongs to');
  checkGiven('stageName', props.stageName, 'the name of the stage');
  checkStageName('stageName', props.stageName);
  checkString('description', props.description, RULES.description);
  checkString('clientCertificateId', props.clientCertificateId, RULES.clientCertificateId);
  checkTags('tags', props.tags);
  if (props.managedDeployment && Token.isUnresolved(props.autoDeploy)) {
    throw invalidInput('autoDeploy', 'must be known at synthesis when managedDeployment is true: an auto-deployed stage '
      + 'takes no deployment of its own', props.autoDeploy);
  }
  if (props.managedDeployment && props.autoDeploy) {
    throw new Error('managedDeployment cannot be true when autoDeploy is true: an auto-deployed stage takes no '
      + 'deployment of its own (got autoDeploy: true, managedDeployment: true)');
  }
}

/** Throws when a required prop is missing, which only JavaScript callers can do. */
function checkGiven(prop: string, value: unknown, what: string): void {
  if (value === undefined) {
    throw invalidInput(prop, `must be given: it is ${what}`, value);
  }
}
