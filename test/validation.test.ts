import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { WebSocketStage, WebSocketStageProps } from '../src';
import { checkNumber, checkString, quote, RULES } from '../src/validation';
import { apiFixture, deployTimeNumber, deployTimeString } from './fixtures';

/** Builds a stage in a fresh stack with the given props on top of a valid stage name. */
function stageWith(props: Partial<WebSocketStageProps> | ((fixture: ReturnType<typeof apiFixture>) => Partial<WebSocketStageProps>)) {
  const fixture = apiFixture();
  const extra = typeof props === 'function' ? props(fixture) : props;
  return new WebSocketStage(fixture.stack, 'Stage', { webSocketApi: fixture.api, stageName: 'dev', ...extra });
}

describe('stageName', () => {
  test.each(['dev', 'Prod_2', 'a', 'blue-green', 'x'.repeat(128)])('accepts %p', (stageName) => {
    expect(() => stageWith({ stageName })).not.toThrow();
  });

  test.each(['', 'bad name!', 'v1.2', 'x'.repeat(129), 'stage/1'])('fails when it is %p', (stageName) => {
    expect(() => stageWith({ stageName })).toThrow(`stageName must be 1-128 characters of A-Z a-z 0-9 - _ (got ${quote(stageName)})`);
  });

  test('fails when it is $default, which WebSocket APIs do not have', () => {
    expect(() => stageWith({ stageName: '$default' })).toThrow(
      "stageName must name a stage: '$default' is the HTTP API catch-all stage and WebSocket APIs have none (got '$default')");
  });

  test('accepts a deploy-time value', () => {
    expect(() => stageWith(({ stack }) => ({ stageName: deployTimeString(stack, 'Name') }))).not.toThrow();
  });
});

describe('throttle', () => {
  test.each([
    [{ rateLimit: 0, burstLimit: 0 }],
    [{ rateLimit: 0.5 }],
    [{ burstLimit: 5000 }],
    [{ rateLimit: 10000, burstLimit: 5000 }],
  ])('accepts %p', (throttle) => {
    expect(() => stageWith({ throttle })).not.toThrow();
  });

  test.each([
    [{ rateLimit: -1 }, "throttle.rateLimit must be a number >= 0 (got '-1')"],
    [{ rateLimit: NaN }, "throttle.rateLimit must be a number >= 0 (got 'NaN')"],
    [{ rateLimit: Infinity }, "throttle.rateLimit must be a number >= 0 (got 'Infinity')"],
    [{ burstLimit: 1.5 }, "throttle.burstLimit must be an integer >= 0 (got '1.5')"],
    [{ burstLimit: -10 }, "throttle.burstLimit must be an integer >= 0 (got '-10')"],
  ])('fails when it is %p', (throttle, message) => {
    expect(() => stageWith({ throttle })).toThrow(message);
  });

  test('accepts deploy-time values', () => {
    expect(() => stageWith(({ stack }) => ({
      throttle: { rateLimit: deployTimeNumber(stack, 'Rate'), burstLimit: deployTimeNumber(stack, 'Burst') },
    }))).not.toThrow();
  });
});

describe('stageVariables', () => {
  test('accepts names of letters, digits and underscores, and values of the allowed characters', () => {
    expect(() => stageWith({
      stageVariables: { env_1: 'prod', url: 'https://example.com:443/a/b?x=1&y=2#frag', list: 'a,b,c', tilde: '~user.v-1' },
    })).not.toThrow();
  });

  test.each(['bad-name', 'has space', '', 'é'])('fails when a name is %p', (name) => {
    expect(() => stageWith({ stageVariables: { [name]: 'v' } }))
      .toThrow(`stageVariables name must be one or more characters of A-Z a-z 0-9 _ (got ${quote(name)})`);
  });

  test.each(['has space', '', 'quote"', 'percent%20', 'x'.repeat(2049)])('fails when a value is %p', (value) => {
    expect(() => stageWith({ stageVariables: { env: value } }))
      .toThrow(`stageVariables.env must be 1-2048 characters of A-Z a-z 0-9 - . _ ~ : / ? # & = , (got ${quote(value)})`);
  });

  test('accepts a value of 2048 characters', () => {
    expect(() => stageWith({ stageVariables: { long: 'x'.repeat(2048) } })).not.toThrow();
  });

  test('applies the same rules to addStageVariable', () => {
    const stage = stageWith({});

    expect(() => stage.addStageVariable('bad-name', 'v')).toThrow("stageVariables name must be one or more characters of A-Z a-z 0-9 _ (got 'bad-name')");
    expect(() => stage.addStageVariable('env', 'bad value')).toThrow(
      "stageVariables.env must be 1-2048 characters of A-Z a-z 0-9 - . _ ~ : / ? # & = , (got 'bad value')");
  });

  test('accepts deploy-time names and values', () => {
    const fixture = apiFixture();
    const stage = new WebSocketStage(fixture.stack, 'Stage', {
      webSocketApi: fixture.api,
      stageName: 'dev',
      stageVariables: { table: deployTimeString(fixture.stack, 'Table') },
    });

    expect(() => stage.addStageVariable(deployTimeString(fixture.stack, 'Name'), 'v')).not.toThrow();
  });
});

describe('description', () => {
  test('accepts 1024 characters, of any kind', () => {
    expect(() => stageWith({ description: 'é "quoted" '.repeat(93) + 'x' })).not.toThrow();
  });

  test('fails when longer than 1024 characters', () => {
    const description = 'x'.repeat(1025);
    expect(() => stageWith({ description })).toThrow(`description must be at most 1024 characters (got ${quote(description)})`);
  });

  test('accepts a deploy-time value', () => {
    expect(() => stageWith(({ stack }) => ({ description: deployTimeString(stack, 'Text') }))).not.toThrow();
  });
});

describe('domainMapping.mappingKey', () => {
  function mapped(mappingKey: string | ((fixture: ReturnType<typeof apiFixture>) => string)) {
    return stageWith((fixture) => ({
      domainMapping: {
        domainName: apigwv2.DomainName.fromDomainNameAttributes(fixture.stack, 'Domain', {
          name: 'ws.example.com',
          regionalDomainName: 'd-abc.execute-api.eu-west-1.amazonaws.com',
          regionalHostedZoneId: 'Z2FDTNDATAQYW2',
        }),
        mappingKey: typeof mappingKey === 'function' ? mappingKey(fixture) : mappingKey,
      },
    }));
  }

  test.each(['v1', "chat$-_.+!*'()", 'x'.repeat(300), ''])('accepts %p', (key) => {
    expect(() => mapped(key)).not.toThrow();
  });

  test.each(['a/b', 'has space', 'x'.repeat(301), 'v1?'])('fails when it is %p', (key) => {
    expect(() => mapped(key)).toThrow(
      `domainMapping.mappingKey must be at most 300 characters of A-Z a-z 0-9 $ - _ . + ! * ' ( ) (got ${quote(key)})`);
  });

  test('accepts a deploy-time value', () => {
    expect(() => mapped(({ stack }) => deployTimeString(stack, 'Key'))).not.toThrow();
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
