import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { checkNumber } from './validation';

/**
 * Throws when a throttle has a negative or non-numeric rate, or a burst that is not a whole number >= 0.
 *
 * @param prop the prop path the throttle came from, for the error message (for example `throttle`)
 */
export function checkThrottle(prop: string, throttle: apigwv2.ThrottleSettings | undefined): void {
  checkNumber(`${prop}.rateLimit`, throttle?.rateLimit, { integer: false, min: 0 });
  checkNumber(`${prop}.burstLimit`, throttle?.burstLimit, { integer: true, min: 0 });
}

/** The settings that apply to every route of a stage. */
export interface DefaultRouteSettingsInput {
  readonly throttle?: apigwv2.ThrottleSettings;
  readonly detailedMetricsEnabled?: boolean;
}

/**
 * Renders the stage's `DefaultRouteSettings`, or nothing when the user set none of its fields: an empty
 * object says nothing to API Gateway and only adds noise to the template.
 */
export function renderDefaultRouteSettings(input: DefaultRouteSettingsInput): apigwv2.CfnStage.RouteSettingsProperty | undefined {
  checkThrottle('throttle', input.throttle);
  const settings: apigwv2.CfnStage.RouteSettingsProperty = {
    throttlingBurstLimit: input.throttle?.burstLimit,
    throttlingRateLimit: input.throttle?.rateLimit,
    detailedMetricsEnabled: input.detailedMetricsEnabled,
  };
  return Object.values(settings).some((value) => value !== undefined) ? settings : undefined;
}
