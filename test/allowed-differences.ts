// Every difference a switched app, or its tests, can tell between this library's stage and aws-cdk-lib's, in one
// list. docs/migrating.md has one line per entry, under "What a switched app can tell apart", and
// test/allowed-differences.test.ts checks that the two agree. The differential test (test/differential.test.ts)
// compares both stages on generated props and allows exactly the entries with a `reconcile`: each makes what
// aws-cdk-lib's stage gave into what this library gives, where the case shows that difference.

/** What the differential test observes of one stage: the template without Metadata, the URLs and a metric. */
export interface Observed {
  template: { Resources: Record<string, { Type: string; Properties?: Record<string, unknown> }>; [section: string]: unknown };
  url: unknown;
  callbackUrl: unknown;
  metric: { dimensions?: Record<string, unknown>; [field: string]: unknown };
}

/** The differential test's inputs that an allowed difference depends on. */
export interface DrawnCase {
  readonly awsCdkLibLogicalIds: boolean;
  readonly domain?: { readonly kind: 'owned' | 'imported'; readonly name: string; readonly mappingKey?: string };
  readonly metricDimensions?: Record<string, string>;
}

export interface AllowedDifference {
  /** The bold lead of its line in docs/migrating.md. */
  readonly name: string;
  /**
   * For a difference the differential test draws: makes `theirs` (aws-cdk-lib's) what this library gives, and
   * says whether it changed anything.
   */
  readonly reconcile?: (theirs: Observed, ours: Observed, c: DrawnCase) => boolean;
  /** The aws-cdk-lib versions the differential test must see it on. @default every version */
  readonly seenOn?: (awsCdkLibVersion: string) => boolean;
}

function resourcesOfType(observed: Observed, type: string): [string, { Properties?: Record<string, unknown> }][] {
  return Object.entries(observed.template.Resources).filter(([, resource]) => resource.Type === type);
}

export const ALLOWED_DIFFERENCES: readonly AllowedDifference[] = [
  {
    name: 'An empty `throttle`',
    reconcile: (theirs) => {
      const [[, stage]] = resourcesOfType(theirs, 'AWS::ApiGatewayV2::Stage');
      const settings = stage.Properties?.DefaultRouteSettings;
      if (settings === undefined || Object.keys(settings as object).length > 0) {
        return false;
      }
      delete stage.Properties!.DefaultRouteSettings;
      return true;
    },
  },
  {
    name: 'The ApiMapping\'s logical id and construct path',
    reconcile: (theirs, ours, c) => {
      if (c.awsCdkLibLogicalIds || !c.domain) {
        return false;
      }
      const [[theirId, mapping]] = resourcesOfType(theirs, 'AWS::ApiGatewayV2::ApiMapping');
      const [[ourId]] = resourcesOfType(ours, 'AWS::ApiGatewayV2::ApiMapping');
      delete theirs.template.Resources[theirId];
      theirs.template.Resources[ourId] = mapping as Observed['template']['Resources'][string];
      return theirId !== ourId;
    },
  },
  {
    name: 'An imported domain on aws-cdk-lib 2.234',
    reconcile: (theirs, _ours, c) => {
      if (c.domain?.kind !== 'imported') {
        return false;
      }
      const [[, mapping]] = resourcesOfType(theirs, 'AWS::ApiGatewayV2::ApiMapping');
      const changed = mapping.Properties!.DomainName !== c.domain.name;
      mapping.Properties!.DomainName = c.domain.name;
      return changed;
    },
    // Fixed in aws-cdk-lib by aws/aws-cdk#36708's fix, before 2.276.
    seenOn: (version) => version === '2.234.0',
  },
  {
    name: 'Dimensions passed to `metric()`',
    reconcile: (theirs, _ours, c) => {
      if (!c.metricDimensions) {
        return false;
      }
      theirs.metric.dimensions = { ...c.metricDimensions, ...theirs.metric.dimensions };
      return true;
    },
  },
  { name: 'Errors' },
  { name: 'Input aws-cdk-lib accepts and AWS refuses' },
  { name: 'An empty `mappingKey`' },
  { name: 'Warnings' },
  { name: 'Imported stages' },
  { name: 'The class' },
  { name: 'Property injection' },
  { name: '`stageRef` on aws-cdk-lib 2.234' },
];
