import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { Token } from 'aws-cdk-lib/core';
import { checkBoolean, checkKnownKeys, checkNumber, checkString, checkType, invalidInput, keysOf, RULES } from './validation';

/**
 * How much a WebSocket stage writes to its execution logs, in the CloudWatch log group that API Gateway creates and
 * manages: `/aws/apigateway/{apiId}/{stageName}` on deployed WebSocket stages (no AWS page states it; AWS documents
 * `API-Gateway-Execution-Logs_...` for REST APIs).
 *
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/websocket-api-logging.html
 */
export enum LoggingLevel {
  /** No execution logs. */
  OFF = 'OFF',
  /** Errors only. */
  ERROR = 'ERROR',
  /** Errors and informational events: every connection, message and integration call. */
  INFO = 'INFO',
}

/**
 * Settings of one route of a stage, or of every route (the stage's defaults).
 */
export interface RouteSettings {
  /**
   * Throttling of the route. `rateLimit` is requests per second (>= 0); `burstLimit` a whole number >= 0.
   *
   * @default - the stage's `throttle`
   */
  readonly throttle?: apigwv2.ThrottleSettings;

  /**
   * How much the route writes to the execution logs.
   *
   * @default - the stage's `loggingLevel`
   */
  readonly loggingLevel?: LoggingLevel;

  /**
   * Whether the route has data trace logging (`RouteSettings.DataTraceEnabled`). AWS describes data trace as full
   * request and response logging and recommends against it for production APIs: payloads may hold personal or
   * secret data. AWS does not say which logging level it needs. This library's own rules: it needs a `loggingLevel`
   * of ERROR or INFO (unset is OFF), and a warning is added when it is on.
   *
   * @default - the stage's `dataTraceEnabled`
   */
  readonly dataTraceEnabled?: boolean;

  /**
   * Whether API Gateway publishes metrics for the route, which AWS says incurs additional CloudWatch charges.
   *
   * @default - the stage's `detailedMetricsEnabled`
   */
  readonly detailedMetricsEnabled?: boolean;
}

/** The fields of `RouteSettings` and of `ThrottleSettings`, to catch keys that would be ignored. */
const ROUTE_SETTINGS_KEYS = keysOf<RouteSettings>({ throttle: true, loggingLevel: true, dataTraceEnabled: true, detailedMetricsEnabled: true });
const THROTTLE_KEYS = keysOf<apigwv2.ThrottleSettings>({ rateLimit: true, burstLimit: true });

/** The route keys API Gateway defines for every WebSocket API; other keys starting with `$` are reserved. */
const PREDEFINED_ROUTE_KEYS = ['$connect', '$disconnect', '$default'];

/**
 * Throws when a route key is empty, or starts with `$` without being one of the predefined keys.
 * Unresolved tokens pass (their text starts with `$` too).
 */
export function checkRouteKey(prop: string, routeKey: string): void {
  if (Token.isUnresolved(routeKey)) {
    return;
  }
  if (routeKey.startsWith('$') && !PREDEFINED_ROUTE_KEYS.includes(routeKey)) {
    throw invalidInput(prop, `must be ${PREDEFINED_ROUTE_KEYS.join(', ')} or a custom key that does not start with $`, routeKey);
  }
  checkString(prop, routeKey, RULES.routeKey);
}

/** The largest burst limit: CloudFormation's `ThrottlingBurstLimit` is a 32-bit Integer. */
const MAX_BURST_LIMIT = 2 ** 31 - 1;

const RATE_LIMIT_RULE = { integer: false, min: 0 };
const BURST_LIMIT_RULE = { integer: true, min: 0, max: MAX_BURST_LIMIT };
const LOGGING_LEVELS: readonly string[] = Object.values(LoggingLevel);

/**
 * Throws when any of the settings breaks its rule.
 *
 * @param prop the prop the settings came from, for error messages (for example `routeSettings.$connect`)
 * @param settings the settings, as given
 * @param stageDefaults for a route, the stage's defaults it inherits what it does not set from
 */
export function checkRouteSettings(prop: string, settings: RouteSettings, stageDefaults?: RouteSettings): void {
  // The stage's own settings are top-level props ('' prop); a route's sit under routeSettings.{key}.
  const at = (field: string) => (prop === '' ? field : `${prop}.${field}`);
  // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent; the stage's own settings are built with only the known keys
  if (prop !== '') {
    checkType(prop, settings, 'object');
    if (settings === undefined) {
      throw invalidInput(prop, 'must be an object of route settings', settings);
    }
    checkKnownKeys(prop, settings, ROUTE_SETTINGS_KEYS);
  }
  checkType(at('throttle'), settings.throttle, 'object');
  checkKnownKeys(at('throttle'), settings.throttle, THROTTLE_KEYS);
  checkNumber(at('throttle.rateLimit'), settings.throttle?.rateLimit, RATE_LIMIT_RULE);
  checkNumber(at('throttle.burstLimit'), settings.throttle?.burstLimit, BURST_LIMIT_RULE);
  checkLoggingLevel(at('loggingLevel'), settings.loggingLevel);
  checkBoolean(at('dataTraceEnabled'), settings.dataTraceEnabled);
  checkBoolean(at('detailedMetricsEnabled'), settings.detailedMetricsEnabled);

  const merged = stageDefaults ? mergeRouteSettings(stageDefaults, settings) : settings;
  // An unset level is OFF, API Gateway's default: data trace is refused there as with an explicit OFF.
  if (merged.dataTraceEnabled === true && (merged.loggingLevel ?? LoggingLevel.OFF) === LoggingLevel.OFF) {
    // Say which of the two a route inherits: the stage's value is not in the route's own settings.
    const fromStage = (field: keyof RouteSettings) => (stageDefaults && settings[field] === undefined ? ` (the stage's ${field})` : '');
    const level = merged.loggingLevel === undefined ? ' is not set (an unset level is OFF)' : `${fromStage('loggingLevel')} is OFF`;
    throw new Error(`${at('dataTraceEnabled')}${fromStage('dataTraceEnabled')} cannot be true when loggingLevel${level}: `
      + 'a rule of this library, since AWS documents data trace only as part of execution logging (full request and '
      + 'response logs, with INFO); set loggingLevel to ERROR or INFO, or leave dataTraceEnabled unset');
  }
}

/** Throws when a resolved logging level is not one of `LoggingLevel`'s: JavaScript callers can pass any string. */
function checkLoggingLevel(prop: string, level: LoggingLevel | undefined): void {
  checkType(prop, level, 'string');
  if (level !== undefined && !LOGGING_LEVELS.includes(level) && !Token.isUnresolved(level)) {
    throw invalidInput(prop, `must be one of ${LOGGING_LEVELS.join(', ')}`, level);
  }
}

/** How to give route settings from Python so that none are lost, for the errors below. */
const FROM_PYTHON = 'from Python, pass RouteSettings(...) and ThrottleSettings(...), or keyword arguments to '
  + 'add_route_settings(route_key, throttle=..., ...): jsii drops the snake_case keys of a dict inside route_settings';

/**
 * Throws when a route's own settings, or their throttle, set nothing. Neither would change the route, and both
 * are what a Python dict inside `route_settings` turns into: jsii keeps only the struct's camelCase fields there,
 * so `{"throttle": {"rate_limit": 1}}` arrives as `{ throttle: {} }`. The stage's own `throttle: {}` is not
 * refused: aws-cdk-lib accepts it, and a Python keyword argument is converted field by field, so nothing is lost.
 *
 * @param prop the route's prop, for example `routeSettings.$connect`
 */
export function checkRouteSetsSomething(prop: string, settings: RouteSettings): void {
  if (!renderRouteSettings(settings)) {
    throw new Error(`${prop} sets nothing: give at least one of throttle.rateLimit, throttle.burstLimit, loggingLevel, `
      + `dataTraceEnabled or detailedMetricsEnabled (${FROM_PYTHON})`);
  }
  if (settings.throttle !== undefined && settings.throttle.rateLimit === undefined && settings.throttle.burstLimit === undefined) {
    throw new Error(`${prop}.throttle sets nothing: give rateLimit, burstLimit or both, or leave throttle out to keep `
      + `the stage's (${FROM_PYTHON})`);
  }
}

/**
 * The settings a route ends up with: its own, and the stage's defaults for what it does not set. The library writes
 * them merged into the route's settings, so the template shows what the route gets; no AWS source says whether API
 * Gateway would fill a field left out from the stage's defaults.
 */
export function mergeRouteSettings(defaults: RouteSettings, route: RouteSettings): RouteSettings {
  return {
    throttle: {
      rateLimit: route.throttle?.rateLimit ?? defaults.throttle?.rateLimit,
      burstLimit: route.throttle?.burstLimit ?? defaults.throttle?.burstLimit,
    },
    loggingLevel: route.loggingLevel ?? defaults.loggingLevel,
    dataTraceEnabled: route.dataTraceEnabled ?? defaults.dataTraceEnabled,
    detailedMetricsEnabled: route.detailedMetricsEnabled ?? defaults.detailedMetricsEnabled,
  };
}

/** The settings as CloudFormation `RouteSettings` fields, unset ones included. */
function routeSettingsFields(settings: RouteSettings): apigwv2.CfnStage.RouteSettingsProperty {
  return {
    throttlingBurstLimit: settings.throttle?.burstLimit,
    throttlingRateLimit: settings.throttle?.rateLimit,
    detailedMetricsEnabled: settings.detailedMetricsEnabled,
    loggingLevel: settings.loggingLevel,
    dataTraceEnabled: settings.dataTraceEnabled,
  };
}

/**
 * Renders settings as CloudFormation `RouteSettings`, or nothing when none of their fields is set: an empty
 * object says nothing to API Gateway and only adds noise to the template.
 */
export function renderRouteSettings(settings: RouteSettings): apigwv2.CfnStage.RouteSettingsProperty | undefined {
  const rendered = routeSettingsFields(settings);
  return Object.values(rendered).some((value) => value !== undefined) ? rendered : undefined;
}

/**
 * Renders the stage's `DefaultRouteSettings` as aws-cdk-lib's stage does for the props both have: nothing for
 * `detailedMetricsEnabled: false` alone (API Gateway's default), so a switched stack gets no Stage update.
 */
export function renderDefaultRouteSettings(settings: RouteSettings): apigwv2.CfnStage.RouteSettingsProperty | undefined {
  const onlyMetricsOff = settings.detailedMetricsEnabled === false && settings.throttle === undefined
    && settings.loggingLevel === undefined && settings.dataTraceEnabled === undefined;
  return onlyMetricsOff ? undefined : renderRouteSettings(settings);
}

/**
 * Renders settings for the stage's `RouteSettings` map. That property is untyped JSON in the L1, so the names
 * must already be CloudFormation's: the capitalized names of the typed `DefaultRouteSettings`.
 */
export function renderRouteSettingsJson(settings: RouteSettings): { [property: string]: unknown } {
  return Object.fromEntries(Object.entries(routeSettingsFields(settings))
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => [name.charAt(0).toUpperCase() + name.slice(1), value]));
}
