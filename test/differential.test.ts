import { readFileSync } from 'fs';
import { App, Aws, CfnCondition, CfnOutput, CfnResource, Duration, Fn, RemovalPolicy, Stack, Tags } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as fc from 'fast-check';
import { WebSocketStage } from '../src';
import { ALLOWED_DIFFERENCES, DrawnCase, Observed } from './allowed-differences';
import { describeMetric, importDomain, newApi, newDomain, newLogGroup, newRole } from './fixtures';

// Differential test: the same app, built once with aws-cdk-lib's stage and once with this library's, from props
// fast-check draws within aws-cdk-lib's surface, on the aws-cdk-lib version of this jest project (2.234 and 2.276).
// Everything a deployment or a test sees must be the same: the whole template (Resources with DependsOn, Condition,
// DeletionPolicy and UpdateReplacePolicy; Outputs; Conditions; only the CDK's Metadata stripped), url, callbackUrl,
// metric() and the grant's policy. The only differences allowed are those of ALLOWED_DIFFERENCES.
//
// DIFFERENTIAL_RUNS sets the number of cases (`npm run test:differential` draws 10,000); a failure prints the seed
// and the shrunk case, and DIFFERENTIAL_SEED replays it.

const AWS_CDK_LIB_VERSION: string = JSON.parse(readFileSync(require.resolve('aws-cdk-lib/package.json'), 'utf8')).version;
const NUM_RUNS = Number(process.env.DIFFERENTIAL_RUNS ?? 300);
const SEED = process.env.DIFFERENTIAL_SEED === undefined ? undefined : Number(process.env.DIFFERENTIAL_SEED);

type FormatKind = 'default' | 'clf' | 'jsonWithStandardFields' | 'custom';

interface Case extends DrawnCase {
  readonly stageName: string;
  readonly autoDeploy?: boolean;
  readonly description?: string;
  readonly throttle?: { rateLimit?: number; burstLimit?: number };
  readonly detailedMetricsEnabled?: boolean;
  readonly stageVariables?: Record<string, string>;
  readonly accessLog?: { readonly format: FormatKind; readonly fields: string[] };
  readonly removalPolicy?: RemovalPolicy;
  readonly tags?: Record<string, string>;
  readonly condition: boolean;
  readonly metric: { readonly name: string; readonly statistic?: string; readonly periodMinutes?: number; readonly label?: string };
}

const DOMAIN_NAME = 'ws.example.com';

/** Access log fields a custom format is drawn from; the request id, which both stages require, is added to each. */
const LOG_FIELDS = [
  apigateway.AccessLogField.contextConnectionId(), apigateway.AccessLogField.contextRouteKey(),
  apigateway.AccessLogField.contextEventType(), apigateway.AccessLogField.contextStatus(),
  apigateway.AccessLogField.contextIdentitySourceIp(), apigateway.AccessLogField.contextRequestTime(),
];

const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const caseArbitrary: fc.Arbitrary<Case> = fc.record({
  stageName: fc.stringMatching(/^[A-Za-z0-9_-]{1,128}$/),
  autoDeploy: optional(fc.boolean()),
  description: optional(fc.string({ maxLength: 200 })),
  // An empty throttle as often as a full one: the two stages render it differently.
  throttle: optional(fc.oneof(fc.constant({}), fc.record({
    rateLimit: optional(fc.double({ min: 0, max: 1e6, noNaN: true, noDefaultInfinity: true })),
    burstLimit: optional(fc.integer({ min: 0, max: 2 ** 31 - 1 })),
  }))),
  detailedMetricsEnabled: optional(fc.boolean()),
  stageVariables: optional(fc.dictionary(
    fc.stringMatching(/^[A-Za-z0-9_]{1,16}$/).filter((name) => name !== '__proto__'),
    fc.stringMatching(/^[A-Za-z0-9\-._~:/?#&=,]{1,40}$/),
    { maxKeys: 3 },
  )),
  accessLog: optional(fc.record({
    format: fc.constantFrom<FormatKind>('default', 'clf', 'jsonWithStandardFields', 'custom'),
    fields: fc.subarray(LOG_FIELDS),
  })),
  domain: optional(fc.record({
    kind: fc.constantFrom<'owned' | 'imported'>('owned', 'imported'),
    name: fc.constant(DOMAIN_NAME),
    mappingKey: fc.option(fc.stringMatching(/^[A-Za-z0-9$\-_.+!*'()]{1,30}$/), { nil: undefined, freq: 1 }),
  })),
  awsCdkLibLogicalIds: fc.boolean(),
  removalPolicy: optional(fc.constantFrom(RemovalPolicy.RETAIN, RemovalPolicy.DESTROY, RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE)),
  tags: optional(fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9]{0,9}$/), fc.stringMatching(/^[a-z0-9]{1,10}$/), { maxKeys: 2 })),
  condition: fc.boolean(),
  metric: fc.record({
    name: fc.constantFrom('ConnectCount', 'MessageCount', 'IntegrationError', 'ClientError', 'ExecutionError', 'IntegrationLatency'),
    statistic: optional(fc.constantFrom('Sum', 'Average', 'p99')),
    periodMinutes: optional(fc.constantFrom(1, 5, 60)),
    label: optional(fc.stringMatching(/^[A-Za-z ]{1,20}$/)),
  }),
  metricDimensions: optional(fc.constant({ Route: '$connect' })),
});

function accessLogFormat(log: NonNullable<Case['accessLog']>): apigateway.AccessLogFormat | undefined {
  switch (log.format) {
    case 'default': return undefined;
    case 'clf': return apigateway.AccessLogFormat.clf();
    case 'jsonWithStandardFields': return apigateway.AccessLogFormat.jsonWithStandardFields();
    case 'custom': return apigateway.AccessLogFormat.custom([apigateway.AccessLogField.contextRequestId(), ...log.fields].join(' '));
  }
}

/** Builds the app with one of the two stages and observes it. */
function observe(implementation: 'aws-cdk-lib' | 'cdk-websocket-stage', c: Case): Observed {
  // No tree.json: it is not part of what is compared, and writing it is a tenth of each synthesis.
  const stack = new Stack(new App({ treeMetadata: false }), 'S');
  const api = newApi(stack);
  const domain = c.domain && (c.domain.kind === 'owned' ? newDomain(stack) : importDomain(stack));
  const props = {
    webSocketApi: api,
    stageName: c.stageName,
    autoDeploy: c.autoDeploy,
    description: c.description,
    throttle: c.throttle,
    detailedMetricsEnabled: c.detailedMetricsEnabled,
    stageVariables: c.stageVariables,
    accessLogSettings: c.accessLog && {
      destination: new apigwv2.LogGroupLogDestination(newLogGroup(stack)),
      format: accessLogFormat(c.accessLog),
    },
    domainMapping: domain && { domainName: domain, mappingKey: c.domain!.mappingKey },
  };
  const stage = implementation === 'aws-cdk-lib'
    ? new apigwv2.WebSocketStage(stack, 'Stage', props)
    : new WebSocketStage(stack, 'Stage', { ...props, awsCdkLibLogicalIds: c.awsCdkLibLogicalIds });
  stage.grantManagementApiAccess(newRole(stack));
  if (c.removalPolicy) {
    stage.applyRemovalPolicy(c.removalPolicy);
  }
  for (const [key, value] of Object.entries(c.tags ?? {})) {
    Tags.of(stage).add(key, value);
  }
  if (c.condition) {
    // On every resource of the stage: a mapping without the condition would depend on a resource that may not exist.
    const inRegion = new CfnCondition(stack, 'InRegion', { expression: Fn.conditionEquals(Aws.REGION, 'eu-west-1') });
    for (const resource of stage.node.findAll().filter(CfnResource.isCfnResource)) {
      resource.cfnOptions.condition = inRegion;
    }
  }
  new CfnOutput(stack, 'Url', { value: stage.url });
  new CfnOutput(stack, 'CallbackUrl', { value: stage.callbackUrl });

  const metric = stage.metric(c.metric.name, {
    statistic: c.metric.statistic,
    period: c.metric.periodMinutes === undefined ? undefined : Duration.minutes(c.metric.periodMinutes),
    label: c.metric.label,
    dimensionsMap: c.metricDimensions,
  });
  const template = Template.fromStack(stack).toJSON() as Observed['template'];
  for (const resource of Object.values(template.Resources)) {
    delete (resource as { Metadata?: unknown }).Metadata;
  }
  return {
    template,
    url: stack.resolve(stage.url),
    callbackUrl: stack.resolve(stage.callbackUrl),
    metric: describeMetric(stack, metric),
  };
}

// Synchronous, so jest's timeout does not apply; 300 cases take about 15 s of CPU per aws-cdk-lib version.
test(`the same app with either stage gives the same template, URLs, metric and grant, but for the allowed differences (${NUM_RUNS} cases, aws-cdk-lib ${AWS_CDK_LIB_VERSION})`, () => {
  const seen = new Map<string, number>();
  fc.assert(fc.property(caseArbitrary, (c) => {
    const theirs = observe('aws-cdk-lib', c);
    const ours = observe('cdk-websocket-stage', c);
    for (const difference of ALLOWED_DIFFERENCES) {
      if (difference.reconcile?.(theirs, ours, c)) {
        seen.set(difference.name, (seen.get(difference.name) ?? 0) + 1);
      }
    }
    expect(ours).toEqual(theirs);
  }), { numRuns: NUM_RUNS, seed: SEED });

  // An allowed difference the cases never show is no longer a difference, or no longer drawn: either way, the list
  // (and docs/migrating.md) would say something untested. A few hundred cases show each of them.
  const expected = ALLOWED_DIFFERENCES
    .filter((difference) => difference.reconcile && (difference.seenOn?.(AWS_CDK_LIB_VERSION) ?? true))
    .map((difference) => difference.name);
  expect(expected.filter((name) => !seen.has(name))).toEqual([]);
});
