import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { Lazy } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as fc from 'fast-check';
import { LoggingLevel, RouteSettings, WebSocketAccessLogFormat, WebSocketStageProps } from '../src';
import { newApi, newDomain, newLogGroup, newStage } from './fixtures';

// Generated prop sets, valid and invalid values mixed, tokens included. Every value carries its own verdict, so
// each case either fails with an error that names one of the props it got wrong, or synthesizes a template that
// shows every prop it was given. A failing case prints fast-check's seed and the shrunk input.

/** A generated value and whether it breaks a rule. */
interface Judged<T> {
  readonly value: T;
  readonly invalid: boolean;
}

const ok = <T>(value: T): Judged<T> => ({ value, invalid: false });
/** Invalid values are drawn one time in ten, so that about a fifth of the cases are entirely valid. */
const rarely = <T>(arbitrary: fc.Arbitrary<T>) => ({ arbitrary, weight: 1 });
const often = <T>(arbitrary: fc.Arbitrary<T>) => ({ arbitrary, weight: 9 });
const bad = <T>(value: T): Judged<T> => ({ value, invalid: true });

const validName = fc.stringMatching(/^[A-Za-z0-9_-]{1,20}$/);
const token = fc.constant(null).map(() => Lazy.string({ produce: () => 'deploytime' }));
const numberToken = fc.constant(null).map(() => Lazy.number({ produce: () => 7 }));

const stageName = fc.oneof(
  often(validName.map(ok)),
  often(token.map(ok)),
  rarely(fc.constantFrom('', 'bad name!', '$default', 'x'.repeat(129), 'v1.0').map(bad)),
);

const description = fc.option(fc.oneof(
  often(fc.string({ maxLength: 40 }).map(ok)),
  often(token.map(ok)),
  rarely(fc.constant('d'.repeat(1025)).map(bad)),
), { nil: undefined });

const rateLimit = fc.oneof(
  often(fc.double({ min: 0, max: 10000, noNaN: true }).map(ok)),
  often(numberToken.map(ok)),
  rarely(fc.constantFrom(-1, -0.5, Number.NaN, Number.POSITIVE_INFINITY).map(bad)),
);

const burstLimit = fc.oneof(
  often(fc.integer({ min: 0, max: 5000 }).map(ok)),
  often(numberToken.map(ok)),
  rarely(fc.constantFrom(-1, 1.5, Number.NaN).map(bad)),
);

const throttle = fc.option(fc.record({ rateLimit: fc.option(rateLimit, { nil: undefined }), burstLimit: fc.option(burstLimit, { nil: undefined }) }), { nil: undefined });

const variableName = fc.oneof(
  often(fc.stringMatching(/^[A-Za-z0-9_]{1,12}$/).filter((name) => name !== '__proto__').map(ok)),
  rarely(fc.constantFrom('bad-name', 'sp ace', '__proto__').map(bad)),
);
const variableValue = fc.oneof(
  often(fc.stringMatching(/^[A-Za-z0-9\-._~:/?#&=,]{1,30}$/).map(ok)),
  often(token.map(ok)),
  rarely(fc.constantFrom('', 'has space', 'quote"').map(bad)),
);
const stageVariables = fc.option(fc.array(fc.tuple(variableName, variableValue), { maxLength: 3 }), { nil: undefined });

const loggingLevel = fc.option(fc.constantFrom(LoggingLevel.OFF, LoggingLevel.ERROR, LoggingLevel.INFO), { nil: undefined });
const flag = fc.option(fc.boolean(), { nil: undefined });

const routeKey = fc.oneof(
  often(fc.constantFrom('$connect', '$disconnect', '$default', 'sendmessage', 'join').map(ok)),
  rarely(fc.constantFrom('', '$other').map(bad)),
);
const routeSettings = fc.option(fc.array(fc.record({
  key: routeKey,
  throttle,
  loggingLevel,
  dataTraceEnabled: flag,
  detailedMetricsEnabled: flag,
}), { maxLength: 2 }), { nil: undefined });

const tagKey = fc.oneof(often(fc.stringMatching(/^[A-Za-z][A-Za-z0-9 _.:/=+@-]{0,15}$/).map(ok)), rarely(fc.constantFrom('aws:x', '').map(bad)));
const tagValue = fc.oneof(often(fc.stringMatching(/^[A-Za-z0-9 _.:/=+@-]{0,15}$/).map(ok)), rarely(fc.constantFrom('a#b', 'v'.repeat(257)).map(bad)));
const tags = fc.option(fc.array(fc.tuple(tagKey, tagValue), { maxLength: 2 }), { nil: undefined });

const mappingKey = fc.option(fc.oneof(
  often(fc.stringMatching(/^[A-Za-z0-9$\-_.+!*'()]{0,20}$/).map(ok)),
  often(token.map(ok)),
  rarely(fc.constantFrom('a/b', 'sp ace', 'k'.repeat(301)).map(bad)),
), { nil: undefined });
const domainMapping = fc.option(fc.record({ mappingKey }), { nil: undefined });

const accessLogFormat = fc.oneof(
  often(fc.constant(ok<apigateway.AccessLogFormat | undefined>(undefined))),
  often(fc.constant(null).map(() => ok<apigateway.AccessLogFormat | undefined>(WebSocketAccessLogFormat.jsonWithWebSocketFields()))),
  often(fc.constant(null).map(() => ok<apigateway.AccessLogFormat | undefined>(apigateway.AccessLogFormat.custom('$context.requestId $context.routeKey')))),
  often(token.map((t) => ok<apigateway.AccessLogFormat | undefined>(apigateway.AccessLogFormat.custom(t)))),
  rarely(fc.constantFrom('$context.connectionId', `$context.requestId ${'x'.repeat(3100)}`)
    .map((text) => bad<apigateway.AccessLogFormat | undefined>(apigateway.AccessLogFormat.custom(text)))),
);
const accessLogs = fc.option(accessLogFormat, { nil: undefined });

const cases = fc.record({
  stageName, description, throttle, stageVariables, loggingLevel, dataTraceEnabled: flag, detailedMetricsEnabled: flag,
  routeSettings, tags, domainMapping, accessLogs, autoDeploy: flag, managedDeployment: flag, cloudWatchRole: flag,
  clientCertificateId: fc.option(fc.stringMatching(/^[a-z0-9]{6}$/), { nil: undefined }),
});

type Case = typeof cases extends fc.Arbitrary<infer T> ? T : never;

/** Keeps the last entry of each key, as an object built from the entries does. */
function lastOfEachKey<T>(entries: T[] | undefined, keyOf: (entry: T) => string): T[] | undefined {
  return entries && [...new Map(entries.map((entry) => [keyOf(entry), entry] as const)).values()];
}

/** The case as the props will see it: maps keep the last value given for a key. */
const distinctKeys = cases.map((c): typeof c => ({
  ...c,
  stageVariables: lastOfEachKey(c.stageVariables, ([name]) => name.value),
  tags: lastOfEachKey(c.tags, ([key]) => key.value),
  routeSettings: lastOfEachKey(c.routeSettings, (r) => r.key.value),
}));

/** The props a case breaks, by the name its error must start with. */
function brokenProps(c: Case): string[] {
  const broken: string[] = [];
  const mark = (prop: string, judged?: Judged<unknown>) => judged?.invalid && broken.push(prop);
  mark('stageName', c.stageName);
  mark('description', c.description);
  mark('throttle.rateLimit', c.throttle?.rateLimit);
  mark('throttle.burstLimit', c.throttle?.burstLimit);
  c.stageVariables?.forEach(([name, value]) => {
    mark('stageVariables name', name);
    if (!name.invalid) mark(`stageVariables.${name.value}`, value);
  });
  // An unset level is OFF.
  if (c.dataTraceEnabled === true && (c.loggingLevel ?? LoggingLevel.OFF) === LoggingLevel.OFF) broken.push('dataTraceEnabled');
  c.routeSettings?.forEach((r) => {
    mark('routeSettings key', r.key);
    const prop = `routeSettings.${r.key.value}`;
    mark(`${prop}.throttle.rateLimit`, r.throttle?.rateLimit);
    mark(`${prop}.throttle.burstLimit`, r.throttle?.burstLimit);
    const setsSomething = [r.throttle?.rateLimit, r.throttle?.burstLimit, r.loggingLevel, r.dataTraceEnabled, r.detailedMetricsEnabled]
      .some((field) => field !== undefined);
    if (!r.key.invalid && !setsSomething) broken.push(prop);
    const throttleSetsNothing = r.throttle !== undefined && r.throttle.rateLimit === undefined && r.throttle.burstLimit === undefined;
    if (!r.key.invalid && throttleSetsNothing) broken.push(`${prop}.throttle`);
    const dataTrace = r.dataTraceEnabled ?? c.dataTraceEnabled;
    const level = r.loggingLevel ?? c.loggingLevel;
    if (dataTrace === true && (level ?? LoggingLevel.OFF) === LoggingLevel.OFF) broken.push(`${prop}.dataTraceEnabled`);
  });
  c.tags?.forEach(([key, value]) => {
    mark('tags key', key);
    if (!key.invalid) mark(`tags.${key.value}`, value);
  });
  if (c.managedDeployment && c.autoDeploy) broken.push('managedDeployment');
  mark('domainMapping.mappingKey', c.domainMapping?.mappingKey);
  mark('accessLogSettings.format', c.accessLogs);
  return broken;
}

function build(c: Case) {
  const api = newApi();
  const { stack } = api;
  const routes: { [key: string]: RouteSettings } = {};
  for (const r of c.routeSettings ?? []) {
    routes[r.key.value] = {
      throttle: r.throttle && { rateLimit: r.throttle.rateLimit?.value, burstLimit: r.throttle.burstLimit?.value },
      loggingLevel: r.loggingLevel,
      dataTraceEnabled: r.dataTraceEnabled,
      detailedMetricsEnabled: r.detailedMetricsEnabled,
    };
  }
  const props: WebSocketStageProps = {
    webSocketApi: api,
    stageName: c.stageName.value,
    description: c.description?.value,
    throttle: c.throttle && { rateLimit: c.throttle.rateLimit?.value, burstLimit: c.throttle.burstLimit?.value },
    stageVariables: c.stageVariables && Object.fromEntries(c.stageVariables.map(([n, v]) => [n.value, v.value])),
    loggingLevel: c.loggingLevel,
    dataTraceEnabled: c.dataTraceEnabled,
    detailedMetricsEnabled: c.detailedMetricsEnabled,
    routeSettings: c.routeSettings && routes,
    tags: c.tags && Object.fromEntries(c.tags.map(([k, v]) => [k.value, v.value])),
    autoDeploy: c.autoDeploy,
    managedDeployment: c.managedDeployment,
    cloudWatchRole: c.cloudWatchRole,
    clientCertificateId: c.clientCertificateId,
    domainMapping: c.domainMapping && {
      domainName: newDomain(stack),
      mappingKey: c.domainMapping.mappingKey?.value,
    },
    accessLogSettings: c.accessLogs && { destination: new apigwv2.LogGroupLogDestination(newLogGroup(stack)), format: c.accessLogs.value },
  };
  return { stack, create: () => newStage(api, props) };
}

/** What `fn` throws, or undefined when it returns: the caller asserts on it. */
function errorOf(fn: () => unknown): unknown {
  try {
    fn();
    return undefined;
  } catch (e) {
    return e;
  }
}

const SAMPLE_DIR = join(__dirname, '..', 'test-reports', 'templates');
/** One valid case in this many has its template kept for cfn-lint. */
const SAMPLE_EVERY = 10;

test('every generated prop set fails naming a prop it broke, or synthesizes every prop it was given', () => {
  mkdirSync(SAMPLE_DIR, { recursive: true });
  let valid = 0;
  let invalid = 0;
  fc.assert(fc.property(distinctKeys, (c) => {
    const broken = brokenProps(c);
    const { stack, create } = build(c);
    if (broken.length > 0) {
      const error = errorOf(create);
      expect(error).toBeInstanceOf(Error);
      expect(broken.filter((prop) => (error as Error).message.startsWith(`S/Stage: ${prop}`))).not.toEqual([]);
      invalid++;
      return;
    }
    create();
    const template = Template.fromStack(stack);
    const stage = Object.values(template.findResources('AWS::ApiGatewayV2::Stage'))[0].Properties;
    expect(stage.StageName).toBe(stack.resolve(c.stageName.value));
    if (c.description) expect(stage.Description).toBe(stack.resolve(c.description.value));
    if (c.throttle?.rateLimit) expect(stage.DefaultRouteSettings.ThrottlingRateLimit).toBe(stack.resolve(c.throttle.rateLimit.value));
    if (c.throttle?.burstLimit) expect(stage.DefaultRouteSettings.ThrottlingBurstLimit).toBe(stack.resolve(c.throttle.burstLimit.value));
    if (c.loggingLevel) expect(stage.DefaultRouteSettings.LoggingLevel).toBe(c.loggingLevel);
    if (c.dataTraceEnabled !== undefined) expect(stage.DefaultRouteSettings.DataTraceEnabled).toBe(c.dataTraceEnabled);
    // false, API Gateway's default, is not written on its own (as aws-cdk-lib): absent reads as false.
    if (c.detailedMetricsEnabled !== undefined) expect(stage.DefaultRouteSettings?.DetailedMetricsEnabled ?? false).toBe(c.detailedMetricsEnabled);
    for (const [name, value] of c.stageVariables ?? []) expect(stage.StageVariables[name.value]).toBe(stack.resolve(value.value));
    for (const [key, value] of c.tags ?? []) expect(stage.Tags[key.value]).toBe(stack.resolve(value.value));
    for (const r of c.routeSettings ?? []) {
      if (r.loggingLevel) expect(stage.RouteSettings[r.key.value]).toBeDefined();
    }
    if (c.clientCertificateId) expect(stage.ClientCertificateId).toBe(c.clientCertificateId);
    if (c.autoDeploy !== undefined) expect(stage.AutoDeploy).toBe(c.autoDeploy);
    if (c.managedDeployment) expect(stage.DeploymentId).toBeDefined();
    if (c.accessLogs) expect(stage.AccessLogSettings.Format).toBeDefined();
    if (c.domainMapping) template.resourceCountIs('AWS::ApiGatewayV2::ApiMapping', 1);
    if (c.cloudWatchRole) template.resourceCountIs('AWS::ApiGateway::Account', 1);
    if (valid++ % SAMPLE_EVERY === 0) {
      writeFileSync(join(SAMPLE_DIR, `fuzz-${valid}.json`), JSON.stringify(template.toJSON(), null, 1));
    }
  }), { numRuns: 1000 });
  // Both kinds must be well represented, or the property says little.
  expect(valid).toBeGreaterThan(100);
  expect(invalid).toBeGreaterThan(100);
});
