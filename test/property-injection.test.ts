import { App, InjectionContext, IPropertyInjector, PropertyInjectors, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { Construct } from 'constructs';
import { WebSocketStage, WebSocketStageProps } from '../src';
import { newApi } from './fixtures';

// An organisation gives every stage its defaults with a property injector. Switching from aws-cdk-lib's stage must
// keep them: an injector registered for aws-cdk-lib's stage applies to this one too, and one registered for this
// library's own id applies after it.

const AWS_CDK_LIB_ID = apigwv2.WebSocketStage.PROPERTY_INJECTION_ID;

/** An injector for `constructUniqueId` that fills in `defaults` where the props leave them unset, and records its calls. */
function injector(constructUniqueId: string, defaults: Partial<WebSocketStageProps>) {
  const calls: { props: Partial<WebSocketStageProps>; context: InjectionContext }[] = [];
  const it: IPropertyInjector = {
    constructUniqueId,
    inject: (props: Partial<WebSocketStageProps>, context: InjectionContext) => {
      calls.push({ props, context });
      return { ...defaults, ...props };
    },
  };
  return { injector: it, calls };
}

function stageProperties(stack: Stack): Record<string, unknown> {
  return Object.values(Template.fromStack(stack).findResources('AWS::ApiGatewayV2::Stage'))[0].Properties;
}

/** A stack `S` of an app whose injectors are `onApp`, with `onStack` registered on the stack. */
function stackWith(onApp: IPropertyInjector[], onStack: IPropertyInjector[] = []): Stack {
  const app = new App();
  PropertyInjectors.of(app).add(...onApp);
  const stack = new Stack(app, 'S');
  if (onStack.length > 0) {
    PropertyInjectors.of(stack).add(...onStack);
  }
  return stack;
}

function ourStage(stack: Stack, props: Partial<WebSocketStageProps> = {}): WebSocketStage {
  return new WebSocketStage(stack, 'Stage', { webSocketApi: newApi(stack), stageName: 'dev', ...props });
}

test('the stage has a property injection id of its own', () => {
  expect(WebSocketStage.PROPERTY_INJECTION_ID).toBe('cdk-websocket-stage.WebSocketStage');
  expect(WebSocketStage.PROPERTY_INJECTION_ID).not.toBe(AWS_CDK_LIB_ID);
});

test('an injector registered for this library\'s id gives the stage its props; props the user sets stay', () => {
  const { injector: ours } = injector(WebSocketStage.PROPERTY_INJECTION_ID, { description: 'org default', throttle: { rateLimit: 10 } });
  const stack = stackWith([ours]);
  ourStage(stack, { description: 'mine' });

  expect(stageProperties(stack)).toMatchObject({ Description: 'mine', DefaultRouteSettings: { ThrottlingRateLimit: 10 } });
});

test('an injector registered for aws-cdk-lib\'s stage gives this stage what it gives aws-cdk-lib\'s', () => {
  const defaults = { description: 'org default', throttle: { rateLimit: 10, burstLimit: 20 }, autoDeploy: true };
  const theirStack = stackWith([injector(AWS_CDK_LIB_ID, defaults).injector]);
  new apigwv2.WebSocketStage(theirStack, 'Stage', { webSocketApi: newApi(theirStack), stageName: 'dev' });
  const ourStack = stackWith([injector(AWS_CDK_LIB_ID, defaults).injector]);
  ourStage(ourStack);

  expect(stageProperties(ourStack)).toEqual(stageProperties(theirStack));
  expect(stageProperties(ourStack)).toHaveProperty('Description', 'org default');
});

test('with both registered, aws-cdk-lib\'s applies first and this library\'s gets its result, so this library\'s wins', () => {
  const theirs = injector(AWS_CDK_LIB_ID, { description: 'for aws-cdk-lib stages', autoDeploy: true });
  const ours = {
    constructUniqueId: WebSocketStage.PROPERTY_INJECTION_ID,
    inject: jest.fn((props: Partial<WebSocketStageProps>) => ({ ...props, description: 'for cdk-websocket-stage stages' })),
  };
  const stack = stackWith([ours, theirs.injector]);
  ourStage(stack, { description: 'mine' });

  expect(ours.inject).toHaveBeenCalledWith(expect.objectContaining({ autoDeploy: true, description: 'mine' }), expect.anything());
  expect(stageProperties(stack)).toMatchObject({ AutoDeploy: true, Description: 'for cdk-websocket-stage stages' });
});

test('each id\'s injector is the one registered nearest to the stage, as aws-cdk-lib finds it', () => {
  const build = (stage: (stack: Stack) => void) => {
    const stack = stackWith(
      [injector(AWS_CDK_LIB_ID, { description: 'app' }).injector],
      [injector(AWS_CDK_LIB_ID, { description: 'stack' }).injector],
    );
    stage(stack);
    return stageProperties(stack).Description;
  };

  expect(build((stack) => ourStage(stack))).toBe('stack');
  expect(build((stack) => new apigwv2.WebSocketStage(stack, 'Stage', { webSocketApi: newApi(stack), stageName: 'dev' }))).toBe('stack');
});

test('an injector registered on a scope nearer the stage for the other id does not hide one further up', () => {
  const app = injector(WebSocketStage.PROPERTY_INJECTION_ID, { description: 'app' });
  const stack = stackWith([app.injector], [injector(AWS_CDK_LIB_ID, { autoDeploy: true }).injector]);
  ourStage(stack);

  expect(stageProperties(stack)).toMatchObject({ Description: 'app', AutoDeploy: true });
});

test('the injector is told the stage\'s scope and id, and gets the props as given', () => {
  const { injector: ours, calls } = injector(WebSocketStage.PROPERTY_INJECTION_ID, {});
  const stack = stackWith([ours]);
  const scope = new Construct(stack, 'Chat');
  new WebSocketStage(scope, 'Prod', { webSocketApi: newApi(stack), stageName: 'prod' });

  expect(calls).toHaveLength(1);
  expect(calls[0].context.scope).toBe(scope);
  expect(calls[0].context.id).toBe('Prod');
  expect(calls[0].props).toMatchObject({ stageName: 'prod' });
});

test('an injected prop is checked like a given one: fails naming the stage and the prop', () => {
  const stack = stackWith([injector(WebSocketStage.PROPERTY_INJECTION_ID, { throttle: { burstLimit: 1.5 } }).injector]);

  expect(() => ourStage(stack)).toThrow(/^S\/Stage: throttle\.burstLimit .*1\.5/);
});

test('an injected stageName is the stage\'s name', () => {
  const stack = stackWith([{ constructUniqueId: WebSocketStage.PROPERTY_INJECTION_ID, inject: (props: WebSocketStageProps) => ({ ...props, stageName: 'blue' }) }]);

  expect(ourStage(stack).stageName).toBe('blue');
  expect(stageProperties(stack)).toHaveProperty('StageName', 'blue');
});

test('a stage in an app without injectors leaves its scopes without an injector collection', () => {
  const app = new App();
  const stack = new Stack(app, 'S');
  ourStage(stack);

  expect(PropertyInjectors.hasPropertyInjectors(stack)).toBe(false);
  expect(PropertyInjectors.hasPropertyInjectors(app)).toBe(false);
});
