import { Template } from 'aws-cdk-lib/assertions';
import { WebSocketStage, WebSocketStageProps } from '../src';
import { apiFixture } from './fixtures';

// '__proto__' fits the name rules of stage variables and route keys, but a JavaScript object cannot hold it as
// an entry: the CDK's rendering would drop it from the template. Each user-keyed map refuses it instead.

function stageWith(props: Partial<WebSocketStageProps>) {
  const fixture = apiFixture();
  return new WebSocketStage(fixture.stack, 'Stage', { webSocketApi: fixture.api, stageName: 'dev', ...props });
}

/** An object with an own '__proto__' entry, as `JSON.parse` or a computed key makes it. */
function withProtoKey<T>(value: T): { [key: string]: T } {
  return JSON.parse(JSON.stringify({ ['__proto__']: value })) as unknown as { [key: string]: T };
}

describe("the key '__proto__'", () => {
  test('fails as a stageVariables name', () => {
    expect(() => stageWith({ stageVariables: withProtoKey('x') })).toThrow(/stageVariables name.*'__proto__'/);
  });

  test('fails as an addStageVariable name', () => {
    const stage = stageWith({});
    expect(() => stage.addStageVariable('__proto__', 'x')).toThrow(/stageVariables name.*'__proto__'/);
  });

  test('fails as a routeSettings key', () => {
    expect(() => stageWith({ routeSettings: withProtoKey({ detailedMetricsEnabled: true }) })).toThrow(/routeSettings key.*'__proto__'/);
  });

  test('fails as an addRouteSettings key', () => {
    const stage = stageWith({});
    expect(() => stage.addRouteSettings('__proto__', { detailedMetricsEnabled: true })).toThrow(/routeSettings key.*'__proto__'/);
  });

  test('fails as a tags key', () => {
    expect(() => stageWith({ tags: withProtoKey('x') })).toThrow(/tags key.*'__proto__'/);
  });

  test('fails when written in an object literal, where it sets the prototype instead of adding an entry', () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const literal: any = { __proto__: { $connect: { detailedMetricsEnabled: true } } };
    expect(() => stageWith({ routeSettings: literal })).toThrow(/routeSettings key.*'__proto__'/);
  });

  test('other keys that objects inherit are ordinary entries', () => {
    const stage = stageWith({ stageVariables: { constructor: 'c', toString: 't' } });
    Template.fromStack(stage.stack).hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageVariables: { constructor: 'c', toString: 't' },
    });
  });

  test('a map without a prototype is accepted', () => {
    const variables = Object.assign(Object.create(null) as { [name: string]: string }, { env: 'prod' });
    const stage = stageWith({ stageVariables: variables });
    Template.fromStack(stage.stack).hasResourceProperties('AWS::ApiGatewayV2::Stage', { StageVariables: { env: 'prod' } });
  });
});
