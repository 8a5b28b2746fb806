import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { InjectionContext, IPropertyInjector, PropertyInjectors } from 'aws-cdk-lib/core';
import { Construct, IConstruct } from 'constructs';

/** This library's stage's id for property injectors: `WebSocketStage.PROPERTY_INJECTION_ID`. */
export const STAGE_PROPERTY_INJECTION_ID = 'cdk-websocket-stage.WebSocketStage';

/**
 * The props after the property injectors registered for the stage: first the one for aws-cdk-lib's stage (its
 * props are a subset of these), then the one for this library's, which gets the first one's result, so that
 * where both set a prop this library's wins. Each is the one registered nearest to the stage, as aws-cdk-lib
 * finds it for its own constructs: the first scope, walking up from the stage's, whose `PropertyInjectors` has
 * one for that id. Each is called as aws-cdk-lib calls injectors, with the stage's scope and id.
 *
 * aws-cdk-lib's `@propertyInjectable` decorator is not exported, so the walk uses the public `PropertyInjectors`.
 */
export function applyPropertyInjectors<T>(scope: Construct, id: string, props: T): T {
  let awsCdkLib: IPropertyInjector | undefined;
  let ours: IPropertyInjector | undefined;
  for (let c: IConstruct | undefined = scope; c !== undefined; c = c.node.scope) {
    // hasPropertyInjectors first: PropertyInjectors.of would attach an empty collection to every scope it is asked about.
    if (PropertyInjectors.hasPropertyInjectors(c)) {
      const injectors = PropertyInjectors.of(c);
      awsCdkLib ??= injectors.for(apigwv2.WebSocketStage.PROPERTY_INJECTION_ID);
      ours ??= injectors.for(STAGE_PROPERTY_INJECTION_ID);
    }
  }
  const context: InjectionContext = { scope, id };
  const injected = awsCdkLib ? awsCdkLib.inject(props, context) : props;
  return ours ? ours.inject(injected, context) : injected;
}
