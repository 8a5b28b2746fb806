import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Aspects, Tags, Token } from 'aws-cdk-lib/core';
import { Construct } from 'constructs';
import { defaultWebSocketAccessLogFormat, renderAccessLogSettings } from './access-log';
import { Claim, stageNameClaim } from './claims';
import { cloudWatchRoleAccount } from './cloudwatch-role';
import { createDeployment } from './deployment';
import { addDomainMapping } from './domain-mapping';
import { DomainMappings } from './domain-mappings';
import { createExecutionLogGroup } from './execution-log';
import { ImportedWebSocketStage } from './imported-stage';
import { applyPropertyInjectors, STAGE_PROPERTY_INJECTION_ID } from './property-injection';
import {
  checkRouteKey, checkRouteSetsSomething, checkRouteSettings, mergeRouteSettings, renderDefaultRouteSettings, renderRouteSettingsJson, RouteSettings,
} from './route-settings';
import { IWebSocketStage, WebSocketStageBase } from './stage-base';
import { checkStageProps } from './stage-props-checks';
import { hasWorkAtSynthesis, prepareStageForSynthesis, StageAtSynthesis } from './synthesis-checks';
import { checkMapKey, checkStageName, checkString, checkType, invalidInput, RULES, userMapEntries, warnUnknownKeys, withConstructPath, withPath } from './validation';
import { WebSocketStageAttributes, WebSocketStageProps } from './websocket-stage-props';

/** The fields of `WebSocketStageAttributes`, all listed so that the compiler keeps them in step. */
const DECLARED_ATTRIBUTES: { readonly [field in keyof Required<WebSocketStageAttributes>]: true } = { api: true, stageName: true };
const ATTRIBUTES: ReadonlyMap<string, true> = new Map(Object.entries(DECLARED_ATTRIBUTES));

/** Throws when the attributes of an imported stage break a rule, which the imported stage's URLs and grants need. */
function checkStageAttributes(attrs: WebSocketStageAttributes): void {
  checkType('attrs', attrs, 'object');
  for (const field of ATTRIBUTES.keys()) {
    if (attrs?.[field as keyof WebSocketStageAttributes] === undefined) {
      throw invalidInput(field, 'must be given', undefined);
    }
  }
  checkType('api', attrs.api, 'object');
  checkStageName('stageName', attrs.stageName);
}

const NO_ROUTE_SETTINGS: ReadonlyMap<string, RouteSettings> = new Map();
const NO_ROUTES: ReadonlySet<string> = new Set();

/**
 * A stage of an API Gateway v2 WebSocket API.
 *
 * A drop-in replacement for aws-cdk-lib's `aws_apigatewayv2.WebSocketStage`: the same props, members and
 * template for the same inputs, with every input checked when the stage is constructed, and the operations
 * features production WebSocket APIs need: execution logging, per-route settings, the account's CloudWatch
 * role, WebSocket metrics, narrow grants, custom-domain URLs and managed deployments.
 *
 * @resource AWS::ApiGatewayV2::Stage
 */
export class WebSocketStage extends WebSocketStageBase {
  /**
   * The id property injectors are registered for to give every stage of this class its defaults:
   * `PropertyInjectors.of(app).add({ constructUniqueId: WebSocketStage.PROPERTY_INJECTION_ID, inject })`.
   * The stage also applies an injector registered for aws-cdk-lib's stage, before this one.
   */
  public static readonly PROPERTY_INJECTION_ID: string = STAGE_PROPERTY_INJECTION_ID;

  /**
   * Refers to a stage defined outside this app. Its URLs, grants and metrics work as on a stage defined here.
   *
   * @param scope the scope of the imported stage
   * @param id its construct id
   * @param attrs what identifies the stage
   */
  public static fromWebSocketStageAttributes(scope: Construct, id: string, attrs: WebSocketStageAttributes): IWebSocketStage {
    // Checked before the construct is made, so that a failed import leaves its id free.
    try {
      checkStageAttributes(attrs);
    } catch (error) {
      throw withPath(scope.node.path ? `${scope.node.path}/${id}` : id, error);
    }
    const stage = new ImportedWebSocketStage(scope, id, attrs);
    warnUnknownKeys(stage, 'attributes of fromWebSocketStageAttributes', attrs, ATTRIBUTES);
    return stage;
  }

  /**
   * The name of the stage.
   *
   * @attribute
   */
  public readonly stageName: string;

  /**
   * The WebSocket API the stage belongs to.
   */
  public readonly api: apigwv2.IWebSocketApi;

  /**
   * The log group API Gateway writes the stage's execution logs to, for metric filters and subscriptions.
   * Undefined unless `executionLogRetention` is set: only then does the stage create it.
   */
  public readonly executionLogGroup?: logs.ILogGroup;

  private readonly resource: apigwv2.CfnStage;
  private readonly defaultRouteSettings: RouteSettings;
  // The four below are created on first use: most stages use none, and empty ones made a stage hold 18% more memory
  // than aws-cdk-lib's, which the garbage collector walks again and again at synthesis (bench/).
  // Maps, not objects: keys are the user's, and an object would treat some of them specially.
  private stageVariables?: Map<string, string>;
  private routeSettings?: Map<string, RouteSettings>;
  private measuredRoutes?: Set<string>; // the routes `metricsForRoute` was asked for, checked at synthesis
  private domainMappings?: DomainMappings;
  private readonly apiMapping?: apigwv2.CfnApiMapping;
  private readonly deployment?: apigwv2.CfnDeployment;
  private readonly accessLogs: boolean;
  private preparesAtSynthesis = false;
  private emptyTagKey?: string; // a `tags` key with an empty value, which alarms cannot carry

  /**
   * @param scope the scope of the stage
   * @param id its construct id
   * @param props the stage's settings
   */
  constructor(scope: Construct, id: string, props: WebSocketStageProps) {
    // As aws-cdk-lib's own stage does, before anything reads the props: an injected prop is checked like a given one.
    props = applyPropertyInjectors(scope, id, props);
    super(scope, id, { physicalName: props.stageName });
    // Every error names the stage's path: in an app with many stages, that is what finds the one at fault.
    try {
      checkStageProps(props, this);
      this.defaultRouteSettings = {
        throttle: props.throttle,
        loggingLevel: props.loggingLevel,
        dataTraceEnabled: props.dataTraceEnabled,
        detailedMetricsEnabled: props.detailedMetricsEnabled,
      };
      checkRouteSettings('', this.defaultRouteSettings);

      this.api = props.webSocketApi;
      this.stageName = this.physicalName;
      this.accessLogs = props.accessLogSettings !== undefined;
      this.deployment = props.managedDeployment ? createDeployment(this, this.api) : undefined;

      this.resource = new apigwv2.CfnStage(this, 'Resource', {
        apiId: this.api.apiId,
        stageName: this.stageName,
        autoDeploy: props.autoDeploy,
        deploymentId: this.deployment?.ref,
        description: props.description,
        clientCertificateId: props.clientCertificateId,
        defaultRouteSettings: renderDefaultRouteSettings(this.defaultRouteSettings),
        accessLogSettings: renderAccessLogSettings(this, props.accessLogSettings),
      });
      // Each addition renders the stage's variables and route settings into the resource there and then: no
      // token is left to resolve, which would cost every stage's synthesis.
      for (const [name, value] of userMapEntries('stageVariables', props.stageVariables, 'stageVariables name')) {
        this.addStageVariable(name, value);
      }
      for (const [routeKey, settings] of userMapEntries('routeSettings', props.routeSettings)) {
        this.addRouteSettings(routeKey, settings);
      }
      // On every taggable resource the stage makes (the stage, its execution log group, its alarms), as Tags.of does.
      for (const [key, value] of Object.entries(props.tags ?? {})) {
        Tags.of(this).add(key, value);
        if (value === '') {
          this.emptyTagKey ??= key;
        }
      }
      if (props.cloudWatchRole) {
        this.resource.node.addDependency(cloudWatchRoleAccount(this));
      }
      if (props.executionLogRetention !== undefined) {
        this.executionLogGroup = createExecutionLogGroup(this, this.resource, this.api.apiId, this.stageName, props.executionLogRetention);
      }
      let claimMapping: Claim | undefined;
      if (props.domainMapping) {
        this.apiMapping = addDomainMapping(this, this.resource, props.domainMapping, props.awsCdkLibLogicalIds ?? false);
        this.domainMappings = new DomainMappings(this, this.resource, props.domainMapping, this.apiMapping);
        claimMapping = this.domainMappings.claimFirst();
      }
      const claimName = stageNameClaim(this.api, this.stageName, this);
      // Last, once every check has passed: a stage that fails takes neither its name nor its domain and key.
      claimName();
      claimMapping?.();
    } catch (error) {
      throw withConstructPath(this, error);
    }
    this.prepareAtSynthesisIfNeeded();
  }

  /**
   * The URL clients connect to on the custom domain: `wss://{domain}/{mappingKey}`, or `wss://{domain}` for a
   * mapping on the root of the domain. Throws when the stage has no `domainMapping`.
   */
  public get domainUrl(): string {
    return this.withMappings((mappings) => mappings.firstUrl('wss', 'domainUrl'));
  }

  /**
   * The base URL of the `@connections` management API on the custom domain: `https://{domain}/{mappingKey}`, or
   * `https://{domain}` for a mapping on the root of the domain. Throws when the stage has no `domainMapping`.
   */
  public get domainCallbackUrl(): string {
    return this.withMappings((mappings) => mappings.firstUrl('https', 'domainCallbackUrl'));
  }

  /**
   * Maps the stage on one more custom domain, or on the same domain under another key. The `domainMapping` prop
   * stays the first mapping. The added mapping's construct id is `ApiMapping:{domainName}:{mappingKey}`
   * (`ApiMapping:{domainName}` on the root of the domain), so adding or removing a mapping never changes the
   * logical id of another. Mapping the stage twice on the same domain and key throws, as does a domain and key another
   * stage of the app maps in the same account and region.
   *
   * @param options the domain and the key (a path; none or `''` maps the stage on the root of the domain)
   * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/websocket-api-custom-domain-names.html
   */
  public addDomainMapping(options: apigwv2.DomainMappingOptions): apigwv2.IApiMapping {
    return this.withMappings((mappings) => mappings.add(options));
  }

  /**
   * The URL clients connect to on one of the stage's custom domains: `wss://{domainName}/{mappingKey}`, or
   * `wss://{domainName}` on the root. Throws when the stage is not mapped on that domain and key.
   *
   * @param domainName the domain's name, such as `domain.name`
   * @param mappingKey the key the stage is mapped under; none for the root
   */
  public domainUrlFor(domainName: string, mappingKey?: string): string {
    return this.withMappings((mappings) => mappings.urlFor('wss', 'domainUrlFor', domainName, mappingKey));
  }

  /**
   * The base URL of the `@connections` management API on one of the stage's custom domains:
   * `https://{domainName}/{mappingKey}`, or `https://{domainName}` on the root. Throws when the stage is not
   * mapped on that domain and key.
   *
   * @param domainName the domain's name, such as `domain.name`
   * @param mappingKey the key the stage is mapped under; none for the root
   */
  public domainCallbackUrlFor(domainName: string, mappingKey?: string): string {
    return this.withMappings((mappings) => mappings.urlFor('https', 'domainCallbackUrlFor', domainName, mappingKey));
  }

  /**
   * Adds a stage variable, or replaces the value of an existing one. The name and value follow the rules of
   * the `stageVariables` prop.
   *
   * @param name the variable's name: A-Z a-z 0-9 _
   * @param value its value: 1-2048 characters of A-Z a-z 0-9 - . _ ~ : / ? # & = ,
   */
  public addStageVariable(name: string, value: string): void {
    try {
      checkString('stageVariables name', name, RULES.stageVariableName);
      checkMapKey('stageVariables name', name);
      checkString(`stageVariables.${name}`, value, RULES.stageVariableValue);
    } catch (error) {
      throw withConstructPath(this, error);
    }
    this.stageVariables ??= new Map();
    this.stageVariables.set(name, value);
    this.resource.stageVariables = Object.fromEntries(this.stageVariables);
  }

  /**
   * Sets the settings of one route, replacing earlier settings of that route. The route starts from the stage's
   * defaults and overrides what `settings` sets.
   *
   * @param routeKey `$connect`, `$disconnect`, `$default` or a custom route key
   * @param settings the route's settings
   */
  public addRouteSettings(routeKey: string, settings: RouteSettings): void {
    const prop = `routeSettings.${routeKey}`;
    try {
      checkRouteKey('routeSettings key', routeKey);
      checkMapKey('routeSettings key', routeKey);
      checkRouteSettings(prop, settings, this.defaultRouteSettings);
      checkRouteSetsSomething(prop, settings);
    } catch (error) {
      throw withConstructPath(this, error);
    }
    this.routeSettings ??= new Map();
    this.routeSettings.set(routeKey, settings);
    this.resource.routeSettings = this.renderRouteSettings(this.routeSettings);
    this.prepareAtSynthesisIfNeeded();
  }

  /**
   * The access log format used when `accessLogSettings` has no `format`: the WebSocket format of
   * aws-cdk-lib's stage.
   */
  public defaultAccessLogFormat(): apigateway.AccessLogFormat {
    return defaultWebSocketAccessLogFormat();
  }

  /** @internal */
  protected _onRecommendedAlarms(): void {
    if (this.emptyTagKey !== undefined) {
      throw invalidInput(`tags.${this.emptyTagKey}`, 'must not be empty on a stage with recommended alarms: the stage\'s tags go on its '
        + 'alarms too, and CloudFormation takes alarm tag values of 1-256 characters', '');
    }
  }

  /** @internal */
  protected _onRouteMetrics(routeKey: string): void {
    if (!Token.isUnresolved(routeKey)) {
      this.measuredRoutes ??= new Set();
      this.measuredRoutes.add(routeKey);
      this.prepareAtSynthesisIfNeeded();
    }
  }

  /**
   * Routes and integrations may be added after the stage, so the work that depends on them waits for synthesis, in
   * an aspect. Only a stage with such work gets one: an aspect on each plain stage cost an app of 1000 of them about
   * 2% of its CPU time (bench/). The work is idempotent: a second synthesis of the app changes nothing.
   */
  private prepareAtSynthesisIfNeeded(): void {
    if (this.preparesAtSynthesis || !hasWorkAtSynthesis(this.atSynthesis())) {
      return;
    }
    this.preparesAtSynthesis = true;
    // Stryker disable next-line ConditionalExpression: equivalent; the work is idempotent, this only spares repeating it for each child
    Aspects.of(this).add({ visit: (node) => node === this && prepareStageForSynthesis(this.atSynthesis()) });
  }

  private atSynthesis(): StageAtSynthesis {
    return {
      stage: this,
      api: this.api,
      resource: this.resource,
      defaultRouteSettings: this.defaultRouteSettings,
      routeSettings: this.routeSettings ?? NO_ROUTE_SETTINGS,
      measuredRoutes: this.measuredRoutes ?? NO_ROUTES,
      accessLogs: this.accessLogs,
      executionLogGroup: this.executionLogGroup,
      deployment: this.deployment,
    };
  }

  private withMappings<T>(use: (mappings: DomainMappings) => T): T {
    try {
      this.domainMappings ??= new DomainMappings(this, this.resource);
      return use(this.domainMappings);
    } catch (error) {
      throw withConstructPath(this, error);
    }
  }

  private renderRouteSettings(routeSettings: Map<string, RouteSettings>): { [routeKey: string]: unknown } {
    // Every route sets at least one field (addRouteSettings makes sure), so no route renders empty.
    return Object.fromEntries([...routeSettings].map(([routeKey, settings]) =>
      [routeKey, renderRouteSettingsJson(mergeRouteSettings(this.defaultRouteSettings, settings))]));
  }
}
