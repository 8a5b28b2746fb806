import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { Annotations, Aspects, IAspect, Lazy, Tags, Token } from 'aws-cdk-lib/core';
import { Construct, IConstruct } from 'constructs';
import { defaultWebSocketAccessLogFormat, renderAccessLogSettings } from './access-log';
import { apiRoutes } from './api-definition';
import { cloudWatchRoleAccount } from './cloudwatch-role';
import { createDeployment, finalizeDeployment } from './deployment';
import { addDomainMapping } from './domain-mapping';
import {
  checkRouteKey, checkRouteSettings, LoggingLevel, mergeRouteSettings, renderRouteSettings, renderRouteSettingsJson, RouteSettings,
} from './route-settings';
import { IWebSocketStage, WebSocketStageBase } from './stage-base';
import { checkStageName, checkString, checkTags, RULES } from './validation';
import { WebSocketStageAttributes, WebSocketStageProps } from './websocket-stage-props';

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
   * Refers to a stage defined outside this app. Its URLs, grants and metrics work as on a stage defined here.
   *
   * @param scope the scope of the imported stage
   * @param id its construct id
   * @param attrs what identifies the stage
   */
  public static fromWebSocketStageAttributes(scope: Construct, id: string, attrs: WebSocketStageAttributes): IWebSocketStage {
    checkStageName('stageName', attrs.stageName);
    return new ImportedWebSocketStage(scope, id, attrs);
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

  private readonly resource: apigwv2.CfnStage;
  private readonly defaultRouteSettings: RouteSettings;
  private readonly stageVariables: { [name: string]: string } = {};
  private readonly routeSettings: { [routeKey: string]: RouteSettings } = {};
  /** The routes `metricsForRoute` was asked for, checked at synthesis. */
  private readonly measuredRoutes = new Set<string>();
  private readonly apiMapping?: apigwv2.CfnApiMapping;
  private readonly deployment?: apigwv2.CfnDeployment;
  private readonly accessLogs: boolean;
  private readonly cloudWatchRole: boolean;
  private synthesisWorkRegistered = false;

  /**
   * @param scope the scope of the stage
   * @param id its construct id
   * @param props the stage's settings
   */
  constructor(scope: Construct, id: string, props: WebSocketStageProps) {
    super(scope, id, { physicalName: props.stageName });
    checkStageName('stageName', props.stageName);
    checkString('description', props.description, RULES.description);
    checkTags('tags', props.tags);
    if (props.managedDeployment && props.autoDeploy) {
      throw new Error('managedDeployment cannot be true when autoDeploy is true: an auto-deployed stage takes no '
        + 'deployment of its own (got autoDeploy: true, managedDeployment: true)');
    }
    this.defaultRouteSettings = {
      throttle: props.throttle,
      loggingLevel: props.loggingLevel,
      dataTraceEnabled: props.dataTraceEnabled,
      detailedMetricsEnabled: props.detailedMetricsEnabled,
    };
    checkRouteSettings('', this.defaultRouteSettings);
    for (const [name, value] of Object.entries(props.stageVariables ?? {})) {
      this.addStageVariable(name, value);
    }
    for (const [routeKey, settings] of Object.entries(props.routeSettings ?? {})) {
      this.addRouteSettings(routeKey, settings);
    }

    this.api = props.webSocketApi;
    this.stageName = this.physicalName;
    this.accessLogs = props.accessLogSettings !== undefined;
    this.cloudWatchRole = props.cloudWatchRole ?? false;
    this.deployment = props.managedDeployment ? createDeployment(this, this.api) : undefined;

    this.resource = new apigwv2.CfnStage(this, 'Resource', {
      apiId: this.api.apiId,
      stageName: this.stageName,
      autoDeploy: props.autoDeploy,
      deploymentId: this.deployment?.ref,
      description: props.description,
      clientCertificateId: props.clientCertificateId,
      defaultRouteSettings: renderRouteSettings(this.defaultRouteSettings),
      routeSettings: this.renderRouteSettings(),
      stageVariables: Lazy.any({ produce: () => this.renderStageVariables() }),
      accessLogSettings: renderAccessLogSettings(this, props.accessLogSettings),
    });
    for (const [key, value] of Object.entries(props.tags ?? {})) {
      Tags.of(this).add(key, value);
    }
    if (props.cloudWatchRole) {
      this.resource.node.addDependency(cloudWatchRoleAccount(this));
    }
    if (props.domainMapping) {
      this.apiMapping = addDomainMapping(this, this.resource, props.domainMapping);
    }
    const logging = this.accessLogs || props.loggingLevel !== undefined || props.dataTraceEnabled !== undefined;
    if (this.deployment || logging || Object.keys(this.routeSettings).length > 0) {
      this.prepareForSynthesisOnce();
    }
  }

  /**
   * The URL clients connect to on the custom domain: `wss://{domain}/{mappingKey}`, or `wss://{domain}` for a
   * mapping on the root of the domain. Throws when the stage has no `domainMapping`.
   */
  public get domainUrl(): string {
    return this.customDomainUrl('wss', 'domainUrl');
  }

  /**
   * The base URL of the `@connections` management API on the custom domain: `https://{domain}/{mappingKey}`, or
   * `https://{domain}` for a mapping on the root of the domain. Throws when the stage has no `domainMapping`.
   */
  public get domainCallbackUrl(): string {
    return this.customDomainUrl('https', 'domainCallbackUrl');
  }

  /**
   * Adds a stage variable, or replaces the value of an existing one. The name and value follow the rules of
   * the `stageVariables` prop.
   *
   * @param name the variable's name: A-Z a-z 0-9 _
   * @param value its value: 1-2048 characters of A-Z a-z 0-9 - . _ ~ : / ? # & = ,
   */
  public addStageVariable(name: string, value: string): void {
    checkString('stageVariables name', name, RULES.stageVariableName);
    checkString(`stageVariables.${name}`, value, RULES.stageVariableValue);
    this.stageVariables[name] = value;
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
    checkRouteKey('routeSettings key', routeKey);
    checkRouteSettings(prop, settings);
    if (!renderRouteSettings(settings)) {
      // From Python, a dict inside a map reaches the library without its snake_case keys: jsii drops them.
      throw new Error(`${prop} sets nothing: give at least one of throttle.rateLimit, throttle.burstLimit, loggingLevel, `
        + 'dataTraceEnabled or detailedMetricsEnabled (from Python, pass RouteSettings(...) rather than a dict inside the map)');
    }
    checkRouteSettings(prop, mergeRouteSettings(this.defaultRouteSettings, settings));
    this.routeSettings[routeKey] = settings;
    if (this.resource) {
      this.resource.routeSettings = this.renderRouteSettings();
      this.prepareForSynthesisOnce();
    }
  }

  /**
   * The access log format used when `accessLogSettings` has no `format`: the WebSocket format of
   * aws-cdk-lib's stage.
   */
  public defaultAccessLogFormat(): apigateway.AccessLogFormat {
    return defaultWebSocketAccessLogFormat();
  }

  /** @internal */
  protected _onRouteMetrics(routeKey: string): void {
    if (!Token.isUnresolved(routeKey)) {
      this.measuredRoutes.add(routeKey);
      this.prepareForSynthesisOnce();
    }
  }

  private customDomainUrl(scheme: 'wss' | 'https', member: string): string {
    if (!this.apiMapping) {
      throw new Error(`${member} is only available on a stage with a domainMapping; stage '${this.node.path}' has none`);
    }
    const key = this.apiMapping.apiMappingKey;
    return `${scheme}://${this.apiMapping.domainName}${key === undefined ? '' : `/${key}`}`;
  }

  private renderStageVariables(): { [name: string]: string } | undefined {
    return Object.keys(this.stageVariables).length > 0 ? { ...this.stageVariables } : undefined;
  }

  private renderRouteSettings(): { [routeKey: string]: unknown } | undefined {
    // Every route sets at least one field (addRouteSettings makes sure), so no route renders empty.
    const routes = Object.entries(this.routeSettings);
    return routes.length > 0
      ? Object.fromEntries(routes.map(([routeKey, settings]) => [routeKey, renderRouteSettingsJson(mergeRouteSettings(this.defaultRouteSettings, settings))]))
      : undefined;
  }

  /** Warnings that depend on every route's settings, added at synthesis when they are all known. */
  private adviseOnLogging(): void {
    const all = [this.defaultRouteSettings, ...Object.values(this.routeSettings)];
    if (all.some((settings) => settings.dataTraceEnabled)) {
      Annotations.of(this).addWarningV2('cdk-websocket-stage:dataTraceEnabled',
        'dataTraceEnabled writes every message in full to the execution logs, whatever the logging level: payloads may '
        + 'hold personal or secret data, and the logs grow with the traffic. Use it for debugging, not in production.');
    }
    const logging = this.accessLogs
      || all.some((settings) => settings.dataTraceEnabled || (settings.loggingLevel ?? LoggingLevel.OFF) !== LoggingLevel.OFF);
    if (logging && !this.cloudWatchRole) {
      Annotations.of(this).addWarningV2('cdk-websocket-stage:cloudWatchRole',
        'Logging is enabled but cloudWatchRole is not set: the deployment fails with "CloudWatch Logs role ARN must be set '
        + 'in account settings to enable logging" unless API Gateway\'s CloudWatch Logs role is already set for this account '
        + 'and region. Set cloudWatchRole: true on one stage of one stack, or acknowledge this warning if the setting is managed elsewhere.');
    }
  }

  /**
   * Registers the synthesis-time work, once. Only stages with route settings, logging or a managed deployment
   * have any: the others pay nothing for it.
   */
  private prepareForSynthesisOnce(): void {
    if (!this.synthesisWorkRegistered) {
      this.synthesisWorkRegistered = true;
      Aspects.of(this).add(new StageSynthesis(this, () => this.prepareForSynthesis()));
    }
  }

  /** Work that needs the whole app: routes and integrations may be added after the stage. */
  private prepareForSynthesis(): void {
    this.adviseOnLogging();
    this.adviseOnRouteMetrics();
    const routeKeys = Object.keys(this.routeSettings);
    // Finding the routes walks the API's stack: only stages with route settings or route metrics pay for it.
    const routes = routeKeys.length > 0 || this.measuredRoutes.size > 0 ? apiRoutes(this.api) : [];
    const unknownRoute = (what: string) => `${what} matches no route of the API (routes: ${routes.map((route) => route.routeKey).join(', ')})`;
    for (const routeKey of routeKeys) {
      const matching = routes.filter((route) => route.routeKey === routeKey);
      // API Gateway rejects settings of a route that does not exist yet, so the stage waits for the route.
      matching.forEach((route) => this.resource.node.addDependency(route));
      if (matching.length === 0 && routes.length > 0) {
        Annotations.of(this).addWarningV2('cdk-websocket-stage:routeSettingsKey', unknownRoute(`routeSettings key '${routeKey}'`));
      }
    }
    for (const routeKey of this.measuredRoutes) {
      if (routes.length > 0 && !routes.some((route) => route.routeKey === routeKey)) {
        Annotations.of(this).addWarningV2('cdk-websocket-stage:routeMetricKey', unknownRoute(`metricsForRoute('${routeKey}')`));
      }
    }
    if (this.deployment) {
      finalizeDeployment(this.deployment, this.api);
    }
  }

  /** A route metric stays empty unless the route has detailed metrics: say so once per route. */
  private adviseOnRouteMetrics(): void {
    for (const routeKey of this.measuredRoutes) {
      const settings = mergeRouteSettings(this.defaultRouteSettings, this.routeSettings[routeKey] ?? {});
      if (!settings.detailedMetricsEnabled) {
        Annotations.of(this).addWarningV2('cdk-websocket-stage:routeMetricWithoutDetailedMetrics',
          `metricsForRoute('${routeKey}') was called, but the route does not have detailedMetricsEnabled: API Gateway `
          + `publishes no per-route metrics for it, so its metrics stay empty. Set detailedMetricsEnabled: true on the stage or in `
          + `routeSettings['${routeKey}'].`);
      }
    }
  }
}

/**
 * Runs the stage's synthesis-time work once, when aspects visit the stage.
 */
class StageSynthesis implements IAspect {
  private done = false;

  constructor(private readonly stage: IConstruct, private readonly work: () => void) {}

  public visit(node: IConstruct): void {
    if (node === this.stage && !this.done) {
      this.done = true;
      this.work();
    }
  }
}

/**
 * A stage defined outside this app. It has everything that needs only the API and the stage name.
 */
class ImportedWebSocketStage extends WebSocketStageBase {
  public readonly api: apigwv2.IWebSocketApi;
  public readonly stageName: string;

  constructor(scope: Construct, id: string, attrs: WebSocketStageAttributes) {
    super(scope, id);
    this.api = attrs.api;
    this.stageName = attrs.stageName;
  }

  public addStageVariable(name: string, _value: string): void {
    throw new Error(`addStageVariable('${name}') cannot change imported stage '${this.stageName}': `
      + 'stage variables can only be set on stages defined in this app');
  }
}
