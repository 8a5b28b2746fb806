import { Template } from 'aws-cdk-lib/assertions';
import { checkNumber, checkString, quote, RULES } from '../src/validation';
import { deployTimeNumber, deployTimeString, errorNaming, importDomain, newApi, newStack, newStage } from './fixtures';

describe('stageName', () => {
  test.each(['dev', 'Prod_2', 'a', 'blue-green', 'x'.repeat(128)])('accepts %p', (stageName) => {
    expect(() => newStage(newApi(), { stageName })).not.toThrow();
  });

  test.each(['', 'bad name!', 'v1.2', 'x'.repeat(129), 'stage/1'])('fails when it is %p', (stageName) => {
    expect(() => newStage(newApi(), { stageName })).toThrow(errorNaming('stageName', stageName));
  });

  test('fails when it is $default, which WebSocket APIs do not have', () => {
    // '$default' breaks the character rule too: the match on "catch-all" shows that this check, not that one, failed.
    expect(() => newStage(newApi(), { stageName: '$default' })).toThrow(/^stageName .*catch-all.*'\$default'/);
  });

  test('accepts a deploy-time value', () => {
    const stack = newStack();

    expect(() => newStage(newApi(stack), { stageName: deployTimeString(stack, 'Name') })).not.toThrow();
  });
});

describe('throttle', () => {
  test.each([
    [{ rateLimit: 0, burstLimit: 0 }],
    [{ rateLimit: 0.5 }],
    [{ burstLimit: 5000 }],
    [{ rateLimit: 10000, burstLimit: 5000 }],
  ])('accepts %p', (throttle) => {
    expect(() => newStage(newApi(), { throttle })).not.toThrow();
  });

  test.each([
    [{ rateLimit: -1 }, /^throttle\.rateLimit .*'-1'/],
    [{ rateLimit: NaN }, /^throttle\.rateLimit .*'NaN'/],
    [{ rateLimit: Infinity }, /^throttle\.rateLimit .*'Infinity'/],
    [{ burstLimit: 1.5 }, /^throttle\.burstLimit .*integer.*'1\.5'/],
    [{ burstLimit: -10 }, /^throttle\.burstLimit .*'-10'/],
  ])('fails when it is %p', (throttle, error) => {
    expect(() => newStage(newApi(), { throttle })).toThrow(error);
  });

  test('accepts deploy-time values', () => {
    const stack = newStack();

    expect(() => newStage(newApi(stack), {
      throttle: { rateLimit: deployTimeNumber(stack, 'Rate'), burstLimit: deployTimeNumber(stack, 'Burst') },
    })).not.toThrow();
  });
});

describe('stageVariables', () => {
  test('accepts names of letters, digits and underscores, and values of the allowed characters', () => {
    expect(() => newStage(newApi(), {
      stageVariables: { env_1: 'prod', url: 'https://example.com:443/a/b?x=1&y=2#frag', list: 'a,b,c', tilde: '~user.v-1' },
    })).not.toThrow();
  });

  test.each(['bad-name', 'has space', '', 'é'])('fails when a name is %p', (name) => {
    expect(() => newStage(newApi(), { stageVariables: { [name]: 'v' } })).toThrow(errorNaming('stageVariables name', name));
  });

  test.each(['has space', '', 'quote"', 'percent%20', 'x'.repeat(2049)])('fails when a value is %p', (value) => {
    expect(() => newStage(newApi(), { stageVariables: { env: value } })).toThrow(errorNaming('stageVariables.env', value));
  });

  test('accepts a value of 2048 characters', () => {
    expect(() => newStage(newApi(), { stageVariables: { long: 'x'.repeat(2048) } })).not.toThrow();
  });

  test('applies the same rules to addStageVariable', () => {
    const stage = newStage(newApi());

    expect(() => stage.addStageVariable('bad-name', 'v')).toThrow(errorNaming('stageVariables name', 'bad-name'));
    expect(() => stage.addStageVariable('env', 'bad value')).toThrow(errorNaming('stageVariables.env', 'bad value'));
  });

  test('accepts deploy-time names and values', () => {
    const stack = newStack();
    const stage = newStage(newApi(stack), { stageVariables: { table: deployTimeString(stack, 'Table') } });

    expect(() => stage.addStageVariable(deployTimeString(stack, 'Name'), 'v')).not.toThrow();
  });
});

describe('description', () => {
  test('accepts 1024 characters, of any kind', () => {
    expect(() => newStage(newApi(), { description: 'é "quoted" '.repeat(93) + 'x' })).not.toThrow();
  });

  test('fails when longer than 1024 characters', () => {
    const description = 'x'.repeat(1025);

    expect(() => newStage(newApi(), { description })).toThrow(errorNaming('description', description));
  });

  test('accepts a deploy-time value', () => {
    const stack = newStack();

    expect(() => newStage(newApi(stack), { description: deployTimeString(stack, 'Text') })).not.toThrow();
  });
});

describe('domainMapping.mappingKey', () => {
  /** A stage mapped on an imported domain under the key, which may need the stack to be made. */
  function mapped(mappingKey: string | ((stack: ReturnType<typeof newStack>) => string)) {
    const stack = newStack();
    const key = typeof mappingKey === 'function' ? mappingKey(stack) : mappingKey;
    return newStage(newApi(stack), { domainMapping: { domainName: importDomain(stack), mappingKey: key } });
  }

  test.each(['v1', "chat$-_.+!*'()", 'x'.repeat(300), ''])('accepts %p', (key) => {
    expect(() => mapped(key)).not.toThrow();
  });

  test.each(['a/b', 'has space', 'x'.repeat(301), 'v1?'])('fails when it is %p', (key) => {
    expect(() => mapped(key)).toThrow(errorNaming('domainMapping.mappingKey', key));
  });

  test('accepts a deploy-time value', () => {
    expect(() => mapped((stack) => deployTimeString(stack, 'Key'))).not.toThrow();
  });
});

describe('the checks', () => {
  test('quote cuts long values and gives their length', () => {
    expect(quote('short')).toBe("'short'");
    expect(quote('y'.repeat(100))).toBe(`'${'y'.repeat(64)}…' (100 characters)`);
  });

  test('checkString skips an absent value', () => {
    expect(() => checkString('p', undefined, RULES.stageName)).not.toThrow();
  });

  test('checkNumber skips an absent value', () => {
    expect(() => checkNumber('p', undefined, { integer: true, min: 0 })).not.toThrow();
  });
});

/** An object with an own '__proto__' entry, as `JSON.parse` or a computed key makes it. */
function withProtoKey<T>(value: T): { [key: string]: T } {
  return JSON.parse(JSON.stringify({ ['__proto__']: value })) as unknown as { [key: string]: T };
}

// '__proto__' fits the name rules of stage variables and route keys, but a JavaScript object cannot hold it as
// an entry: the CDK's rendering would drop it from the template. Each user-keyed map refuses it instead.
describe("the key '__proto__'", () => {
  test('fails as a stageVariables name', () => {
    expect(() => newStage(newApi(), { stageVariables: withProtoKey('x') })).toThrow(/stageVariables name.*'__proto__'/);
  });

  test('fails as an addStageVariable name', () => {
    const stage = newStage(newApi());
    expect(() => stage.addStageVariable('__proto__', 'x')).toThrow(/stageVariables name.*'__proto__'/);
  });

  test('fails as a routeSettings key', () => {
    expect(() => newStage(newApi(), { routeSettings: withProtoKey({ detailedMetricsEnabled: true }) })).toThrow(/routeSettings key.*'__proto__'/);
  });

  test('fails as an addRouteSettings key', () => {
    const stage = newStage(newApi());
    expect(() => stage.addRouteSettings('__proto__', { detailedMetricsEnabled: true })).toThrow(/routeSettings key.*'__proto__'/);
  });

  test('fails as a tags key', () => {
    expect(() => newStage(newApi(), { tags: withProtoKey('x') })).toThrow(/tags key.*'__proto__'/);
  });

  test('fails when written in an object literal, where it sets the prototype instead of adding an entry', () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const literal: any = { __proto__: { $connect: { detailedMetricsEnabled: true } } };
    expect(() => newStage(newApi(), { routeSettings: literal })).toThrow(/routeSettings key.*'__proto__'/);
  });

  test('other keys that objects inherit are ordinary entries', () => {
    const stage = newStage(newApi(), { stageVariables: { constructor: 'c', toString: 't' } });
    Template.fromStack(stage.stack).hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageVariables: { constructor: 'c', toString: 't' },
    });
  });

  test('a map without a prototype is accepted', () => {
    const variables = Object.assign(Object.create(null) as { [name: string]: string }, { env: 'prod' });
    const stage = newStage(newApi(), { stageVariables: variables });
    Template.fromStack(stage.stack).hasResourceProperties('AWS::ApiGatewayV2::Stage', { StageVariables: { env: 'prod' } });
  });
});
