import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { Annotations } from 'aws-cdk-lib/core';
import { IConstruct } from 'constructs';
import { apiRoutes } from './api-definition';
import { existingCloudWatchRoleAccount } from './cloudwatch-role';
import { finalizeDeployment } from './deployment';
import { LoggingLevel, mergeRouteSettings, RouteSettings } from './route-settings';

/**
 * What a stage defined in this app knows of itself once the whole app is built.
 */
export interface StageAtSynthesis {
  /** The stage construct: warnings are added to it. */
  readonly stage: IConstruct;
  readonly api: apigwv2.IWebSocketApi;
  /** The stage's L1, which waits for the routes it has settings for. */
  readonly resource: apigwv2.CfnStage;
  readonly defaultRouteSettings: RouteSettings;
  readonly routeSettings: ReadonlyMap<string, RouteSettings>;
  /** The routes `metricsForRoute` was asked for. */
  readonly measuredRoutes: ReadonlySet<string>;
  readonly accessLogs: boolean;
  /** The execution log group the stage created, when `executionLogRetention` is set. */
  readonly executionLogGroup?: IConstruct;
  readonly deployment?: apigwv2.CfnDeployment;
}

/**
 * The stage's work that needs the whole app, since routes and integrations may be added after the stage: the
 * stage waits for the routes it has settings for, its managed deployment is tied to the API's definition, and
 * advice that depends on every route's settings is added as warnings.
 */
export function prepareStageForSynthesis(stage: StageAtSynthesis): void {
  adviseOnLogging(stage);
  adviseOnRouteMetrics(stage);
  checkRoutesExist(stage);
  if (stage.deployment) {
    adviseOnDeploymentWithoutRoutes(stage);
    finalizeDeployment(stage.deployment, stage.api);
  }
}

/**
 * Whether `prepareStageForSynthesis` has anything to do for the stage: a plain stage (no logging, route settings,
 * route metrics or managed deployment) has nothing, and then needs no aspect. Once true, it stays true.
 */
export function hasWorkAtSynthesis(stage: StageAtSynthesis): boolean {
  const defaults = stage.defaultRouteSettings;
  return stage.accessLogs || stage.executionLogGroup !== undefined || stage.deployment !== undefined
    || stage.routeSettings.size > 0 || stage.measuredRoutes.size > 0
    || defaults.dataTraceEnabled !== undefined || (defaults.loggingLevel ?? LoggingLevel.OFF) !== LoggingLevel.OFF;
}

/**
 * API Gateway refuses to deploy an API without routes ("At least one route is required"). Only an API defined in
 * this app can be seen to have none: an imported API's routes are not in the app.
 */
function adviseOnDeploymentWithoutRoutes(stage: StageAtSynthesis): void {
  if (stage.api.node.defaultChild && apiRoutes(stage.api).length === 0) {
    Annotations.of(stage.stage).addWarningV2('cdk-websocket-stage:managedDeploymentWithoutRoutes',
      'managedDeployment is true but the API has no routes: API Gateway refuses to deploy an API without routes '
      + '("At least one route is required"), so the deployment fails. Add a route to the API, such as $default.');
  }
}

function checkRoutesExist(stage: StageAtSynthesis): void {
  const routeKeys = [...stage.routeSettings.keys()];
  // Finding the routes walks the API's stack: only stages with route settings or route metrics pay for it.
  // Stryker disable next-line ConditionalExpression,BlockStatement: equivalent; with nothing to check, the loops below do nothing
  if (routeKeys.length === 0 && stage.measuredRoutes.size === 0) {
    return;
  }
  const routes = apiRoutes(stage.api);
  const unknownRoute = (what: string) => `${what} matches no route of the API (routes: ${routes.map((route) => route.routeKey).join(', ')})`;
  for (const routeKey of routeKeys) {
    const matching = routes.filter((route) => route.routeKey === routeKey);
    // API Gateway rejects settings of a route that does not exist yet, so the stage waits for the route.
    matching.forEach((route) => stage.resource.node.addDependency(route));
    if (matching.length === 0 && routes.length > 0) {
      Annotations.of(stage.stage).addWarningV2('cdk-websocket-stage:routeSettingsKey', unknownRoute(`routeSettings key '${routeKey}'`));
    }
  }
  for (const routeKey of stage.measuredRoutes) {
    if (routes.length > 0 && !routes.some((route) => route.routeKey === routeKey)) {
      Annotations.of(stage.stage).addWarningV2('cdk-websocket-stage:routeMetricKey', unknownRoute(`metricsForRoute('${routeKey}')`));
    }
  }
}

function adviseOnLogging(stage: StageAtSynthesis): void {
  const all = [stage.defaultRouteSettings, ...stage.routeSettings.values()];
  if (all.some((settings) => settings.dataTraceEnabled)) {
    Annotations.of(stage.stage).addWarningV2('cdk-websocket-stage:dataTraceEnabled',
      'dataTraceEnabled turns on data trace, which AWS documents as full request and response logging (with INFO): '
      + 'message payloads may then reach the execution logs, and they may hold personal or secret data. AWS recommends '
      + 'against it for production APIs; this warning is this library\'s advice, acknowledge it where data trace is meant.');
  }
  const executionLogging = all.some((settings) => settings.dataTraceEnabled || (settings.loggingLevel ?? LoggingLevel.OFF) !== LoggingLevel.OFF);
  if (stage.executionLogGroup && !executionLogging) {
    Annotations.of(stage.stage).addWarningV2('cdk-websocket-stage:executionLogRetentionWithoutLogging',
      'executionLogRetention is set but neither the stage nor any route writes execution logs, so its log group stays '
      + 'empty. Set loggingLevel to ERROR or INFO (on the stage or in routeSettings), or leave executionLogRetention out.');
  }
  const logging = stage.accessLogs || executionLogging;
  if (!logging) {
    return;
  }
  // The deployment sets the account's role (a stage's cloudWatchRole, a RestApi's, or an L1 Account): logging works
  // once that setting is made.
  const account = existingCloudWatchRoleAccount(stage.stage);
  if (account) {
    stage.resource.node.addDependency(account);
  } else {
    Annotations.of(stage.stage).addWarningV2('cdk-websocket-stage:cloudWatchRole',
      'Logging is enabled but cloudWatchRole is not set: the deployment fails with "CloudWatch Logs role ARN must be set '
      + 'in account settings to enable logging" unless API Gateway\'s CloudWatch Logs role is already set for this account '
      + 'and region. Set cloudWatchRole: true on one stage of one stack, or acknowledge this warning if the setting is managed elsewhere.');
  }
}

/** A route metric stays empty unless the route has detailed metrics: say so once per route. */
function adviseOnRouteMetrics(stage: StageAtSynthesis): void {
  for (const routeKey of stage.measuredRoutes) {
    const settings = mergeRouteSettings(stage.defaultRouteSettings, stage.routeSettings.get(routeKey) ?? {});
    if (!settings.detailedMetricsEnabled) {
      Annotations.of(stage.stage).addWarningV2('cdk-websocket-stage:routeMetricWithoutDetailedMetrics',
        `metricsForRoute('${routeKey}') was called, but the route does not have detailedMetricsEnabled: API Gateway `
        + `publishes no per-route metrics for it, so its metrics stay empty. Set detailedMetricsEnabled: true on the stage or in `
        + `routeSettings['${routeKey}'].`);
    }
  }
}
