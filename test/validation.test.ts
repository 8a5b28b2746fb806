import { Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { Construct } from 'constructs';
import { WebSocketStage, WebSocketStageAttributes, WebSocketStageProps } from '../src';
import { checkNumber, checkString, didYouMean, quote, RULES } from '../src/validation';
import { deployTimeBoolean, deployTimeNumber, deployTimeString, errorNaming, importDomain, newApi, newLogGroup, newStack, newStage } from './fixtures';

describe('stageName', () => {
  test.each(['dev', 'Prod_2', 'a', 'blue-green', 'x'.repeat(128)])('accepts %p', (stageName) => {
    expect(() => newStage(newApi(), { stageName })).not.toThrow();
  });

  test.each(['', 'bad name!', 'v1.2', 'x'.repeat(129), 'stage/1'])('fails when it is %p', (stageName) => {
    expect(() => newStage(newApi(), { stageName })).toThrow(errorNaming('stageName', stageName));
  });

  test('fails when it is $default, which API Gateway v2 allows, saying that this library refuses it and why', () => {
    expect(() => newStage(newApi(), { stageName: '$default' })).toThrow(new Error("S/Stage: stageName must be 1-128 characters "
      + "of A-Z a-z 0-9 - _: '$default', which API Gateway v2 allows for the default stage of HTTP APIs, is refused by this "
      + 'library on WebSocket APIs, where such stages are reported to refuse connections (429) and write no execution logs '
      + "(got '$default')"));
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
    [{ burstLimit: 2 ** 31 - 1 }],
  ])('accepts %p', (throttle) => {
    expect(() => newStage(newApi(), { throttle })).not.toThrow();
  });

  test.each([
    [{ rateLimit: -1 }, errorNaming('throttle.rateLimit', -1)],
    [{ rateLimit: NaN }, errorNaming('throttle.rateLimit', NaN)],
    [{ rateLimit: Infinity }, errorNaming('throttle.rateLimit', Infinity)],
    [{ burstLimit: 1.5 }, /^S\/Stage: throttle\.burstLimit .*integer.*'1\.5'/],
    [{ burstLimit: -10 }, errorNaming('throttle.burstLimit', -10)],
    [{ burstLimit: 2 ** 31 }, errorNaming('throttle.burstLimit', 2 ** 31)],
    [{ burstLimit: 1e308 }, errorNaming('throttle.burstLimit', 1e308)],
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

  test('counts characters as AWS does, not UTF-16 units: 1024 characters outside the BMP pass, 1025 fail', () => {
    expect(() => newStage(newApi(), { description: '𝐀'.repeat(1024) })).not.toThrow();
    expect(() => newStage(newApi(), { description: '𝐀'.repeat(1025) })).toThrow(/^S\/Stage: description .*\(1025 characters\)/);
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
    expect(quote('y'.repeat(64))).toBe(`'${'y'.repeat(64)}'`);
    expect(quote('y'.repeat(100))).toBe(`'${'y'.repeat(64)}…' (100 characters)`);
  });

  test('quote cuts on a character boundary and counts characters, not UTF-16 units', () => {
    expect(quote('𝐀'.repeat(64))).toBe(`'${'𝐀'.repeat(64)}'`);
    expect(quote(`x${'𝐀'.repeat(99)}`)).toBe(`'x${'𝐀'.repeat(63)}…' (100 characters)`);
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

describe('JavaScript values the types do not allow', () => {
  // Each reaches the library only from JavaScript (or a cast); the error names the prop instead of a raw TypeError
  // or a template that carries the value as it is.
  /* eslint-disable @typescript-eslint/no-explicit-any */
  test.each([
    ['mappingKey: null', (stack: Stack) => ({ domainMapping: { domainName: importDomain(stack), mappingKey: null as any } }), errorNaming('domainMapping.mappingKey', null)],
    ['tags: { k: null }', () => ({ tags: { k: null as any } }), errorNaming('tags.k', null)],
    ['tags: { k: 5 }', () => ({ tags: { k: 5 as any } }), errorNaming('tags.k', 5)],
    ['routeSettings: { $connect: null }', () => ({ routeSettings: { $connect: null as any } }), errorNaming('routeSettings.$connect', null)],
    ['routeSettings: { $connect: "x" }', () => ({ routeSettings: { $connect: 'x' as any } }), errorNaming('routeSettings.$connect', 'x')],
    ['routeSettings: { $connect: { throttle: null } }', () => ({ routeSettings: { $connect: { throttle: null as any } } }), errorNaming('routeSettings.$connect.throttle', null)],
    ['stageVariables: { a: null }', () => ({ stageVariables: { a: null as any } }), errorNaming('stageVariables.a', null)],
    ['stageVariables: { a: 5 }', () => ({ stageVariables: { a: 5 as any } }), errorNaming('stageVariables.a', 5)],
    ["loggingLevel: 'DEBUG'", () => ({ loggingLevel: 'DEBUG' as any }), errorNaming('loggingLevel', 'DEBUG')],
    ["a route's loggingLevel: 'DEBUG'", () => ({ routeSettings: { $connect: { loggingLevel: 'DEBUG' as any } } }), errorNaming('routeSettings.$connect.loggingLevel', 'DEBUG')],
    ["dataTraceEnabled: 'yes'", () => ({ dataTraceEnabled: 'yes' as any }), errorNaming('dataTraceEnabled', 'yes')],
    ["a route's detailedMetricsEnabled: 1", () => ({ routeSettings: { $connect: { detailedMetricsEnabled: 1 as any } } }), errorNaming('routeSettings.$connect.detailedMetricsEnabled', 1)],
    ["autoDeploy: 'true'", () => ({ autoDeploy: 'true' as any }), errorNaming('autoDeploy', 'true')],
    ['description: null', () => ({ description: null as any }), errorNaming('description', null)],
    ['throttle: null', () => ({ throttle: null as any }), errorNaming('throttle', null)],
    ['stageVariables: null', () => ({ stageVariables: null as any }), errorNaming('stageVariables', null)],
    ["tags: 'x'", () => ({ tags: 'x' as any }), errorNaming('tags', 'x')],
    ['clientCertificateId: 7', () => ({ clientCertificateId: 7 as any }), errorNaming('clientCertificateId', 7)],
  ])('fails on %s, naming the prop', (_, props, error) => {
    const stack = newStack();
    expect(() => newStage(newApi(stack), props(stack))).toThrow(error);
  });

  test('fails on addRouteSettings(key, null), naming the prop', () => {
    const stage = newStage(newApi());
    expect(() => stage.addRouteSettings('$connect', null as any)).toThrow(errorNaming('routeSettings.$connect', null));
    expect(() => stage.addRouteSettings('$connect', undefined as any)).toThrow(errorNaming('routeSettings.$connect', undefined));
  });

  test('fails on addStageVariable with a value that is not a string', () => {
    expect(() => newStage(newApi()).addStageVariable('a', null as any)).toThrow(errorNaming('stageVariables.a', null));
  });
  /* eslint-enable @typescript-eslint/no-explicit-any */
});

describe('errors name the construct path', () => {
  test('of a stage deep in the tree', () => {
    const api = newApi();
    const scope = new Construct(api.stack, 'Chat');

    expect(() => new WebSocketStage(scope, 'Orders', { webSocketApi: api, stageName: 'dev', throttle: { rateLimit: -1 } }))
      .toThrow(errorNaming('throttle.rateLimit', -1, 'S/Chat/Orders'));
  });

  test('of the stage a method was called on', () => {
    const api = newApi();
    const stage = newStage(api, { stageName: 'two' }, 'Two');

    expect(() => stage.addStageVariable('bad-name', 'v')).toThrow(errorNaming('stageVariables name', 'bad-name', 'S/Two'));
    expect(() => stage.addRouteSettings('$bad', { detailedMetricsEnabled: true })).toThrow(errorNaming('routeSettings key', '$bad', 'S/Two'));
    expect(() => stage.metricsForRoute('$bad')).toThrow(errorNaming('metricsForRoute routeKey', '$bad', 'S/Two'));
  });

  test('once, when a method called by the constructor fails', () => {
    expect(() => newStage(newApi(), { stageVariables: { 'bad-name': 'v' } })).toThrow(/^S\/Stage: stageVariables name/);
  });
});

describe('stage names on one API', () => {
  test('fail when two stages of the app share one, naming the other stage', () => {
    const api = newApi();
    newStage(api, { stageName: 'dev' }, 'First');

    expect(() => newStage(api, { stageName: 'dev' }, 'Second')).toThrow(/^S\/Second: stageName must be unique on the API: stage 'S\/First' .*'dev'/);
  });

  test('may repeat on another API', () => {
    const stack = newStack();
    const one = new apigwv2.WebSocketApi(stack, 'One');
    const two = new apigwv2.WebSocketApi(stack, 'Two');
    newStage(one, { stageName: 'dev' }, 'First');

    expect(() => newStage(two, { stageName: 'dev' }, 'Second')).not.toThrow();
  });

  test('pass when they are only known at deploy time', () => {
    const stack = newStack();
    const api = newApi(stack);
    newStage(api, { stageName: deployTimeString(stack, 'A') }, 'First');

    expect(() => newStage(api, { stageName: deployTimeString(stack, 'B') }, 'Second')).not.toThrow();
  });
});

describe('keys the props do not declare', () => {
  // A warning, not an error: aws-cdk-lib ignores unknown props, and a JavaScript app may spread one shared object
  // into the props of several constructs. Structs inside the props refuse theirs (see 'error messages in full').
  const unknownPropWarnings = (props: object) => {
    const stage = newStage(newApi(), props);
    return Annotations.fromStack(stage.stack).findWarning('/S/Stage', Match.stringLikeRegexp('cdk-websocket-stage:unknownProp'))
      .map((warning) => warning.entry.data);
  };

  test('are warned about, with a did-you-mean, and the stage is made', () => {
    expect(unknownPropWarnings({ stagename: 'prod' })).toEqual([
      "'stagename' is not one of the props of WebSocketStage and is ignored: did you mean 'stageName'? [ack: cdk-websocket-stage:unknownProp]",
    ]);
  });

  test('are warned about without a suggestion when no prop is close, also one named like a member of every object', () => {
    expect(unknownPropWarnings({ toString: 'x', constructor: 1, lambdaFunction: 'shared' })).toEqual([
      "'toString' is not one of the props of WebSocketStage and is ignored [ack: cdk-websocket-stage:unknownProp]",
      "'constructor' is not one of the props of WebSocketStage and is ignored [ack: cdk-websocket-stage:unknownProp]",
      "'lambdaFunction' is not one of the props of WebSocketStage and is ignored [ack: cdk-websocket-stage:unknownProp]",
    ]);
  });

  test('none is warned about for the declared props', () => {
    expect(unknownPropWarnings({ autoDeploy: true, description: 'd', throttle: { rateLimit: 1 } })).toEqual([]);
  });

  test('of fromWebSocketStageAttributes are warned about too', () => {
    const api = newApi();
    WebSocketStage.fromWebSocketStageAttributes(api.stack, 'Imported', { api, stageName: 'prod', stage: 'x' } as WebSocketStageAttributes);

    expect(Annotations.fromStack(api.stack).findWarning('/S/Imported', Match.anyValue()).map((warning) => warning.entry.data)).toEqual([
      "'stage' is not one of the attributes of fromWebSocketStageAttributes and is ignored [ack: cdk-websocket-stage:unknownProp]",
    ]);
  });
});

describe('didYouMean', () => {
  test.each<[string, readonly string[], string]>([
    ['stagename', ['stageName', 'description'], ": did you mean 'stageName'?"],
    ['fromat', ['destination', 'format'], ": did you mean 'format'?"],
    ['throtle', ['throttle', 'tags'], ": did you mean 'throttle'?"],
    ['ratelimt', ['rateLimit', 'burstLimit'], ": did you mean 'rateLimit'?"],
    ['xy', ['x', 'yz'], ''],
    ['XY', ['xy', 'x'], ": did you mean 'xy'?"],
    ['tags', ['stageName', 'description'], ''],
    ['formats', ['format', 'formatted'], ": did you mean 'format'?"],
    ['abcdef', ['abcxyz'], ''],
    ['abcdef', ['abcdxy'], ": did you mean 'abcdxy'?"],
    ['rate', ['rat', 'ratea'], ": did you mean 'rat'?"],
  ])('%p among %p gives %p', (given, known, hint) => {
    expect(didYouMean(given, known)).toBe(hint);
  });
});

// The wording of an error is what tells the user what to fix: these pin whole messages, one per rule.
describe('error messages in full', () => {
  /* eslint-disable @typescript-eslint/no-explicit-any */
  const fails = (props: Partial<WebSocketStageProps>, message: string) =>
    expect(() => newStage(newApi(), props)).toThrow(new Error(`S/Stage: ${message}`));

  test('a value of the wrong type names the type', () => {
    fails({ autoDeploy: 'yes' as any }, "autoDeploy must be a boolean (got 'yes')");
    fails({ description: 7 as any }, "description must be a string (got '7')");
    fails({ stageVariables: 'x' as any }, "stageVariables must be an object (got 'x')");
  });

  test('a null inside a map says it may be left out', () => {
    fails({ tags: { k: null as any } }, "tags.k must be a string, or left out (got 'null')");
  });

  test('a null prop says that leaving it out takes the default', () => {
    fails({ description: null as any }, "description must be left out, not null, to take its default (got 'null')");
    fails({ domainMapping: null as any }, "domainMapping must be left out, not null, to take its default (got 'null')");
  });

  test.each(['domainMapping', 'accessLogSettings', 'throttle'])('%s must be an object', (prop) => {
    fails({ [prop]: 'x' }, `${prop} must be an object (got 'x')`);
  });

  test('a number gives its range: open above, or bounded', () => {
    fails({ throttle: { rateLimit: -1 } }, "throttle.rateLimit must be a number >= 0 (got '-1')");
    fails({ throttle: { burstLimit: 1.5 } }, "throttle.burstLimit must be an integer from 0 to 2147483647 (got '1.5')");
  });

  test('tag keys and values give the AWS tag rules', () => {
    fails({ tags: { 'aws:x': 'v' } },
      "tags key must be 1-128 characters of letters, digits, spaces and + - = . _ : / @, not starting with 'aws:' (got 'aws:x')");
    fails({ tags: { k: 'a#b' } },
      "tags.k must be at most 256 characters of letters, digits, spaces and + - = . _ : / @, not starting with 'aws:' (got 'a#b')");
    fails({ tags: { k: 'Aws:x' } },
      "tags.k must be at most 256 characters of letters, digits, spaces and + - = . _ : / @, not starting with 'aws:' (got 'Aws:x')");
  });

  test('a __proto__ key says why it cannot be written', () => {
    expect(() => newStage(newApi()).addStageVariable('__proto__', 'x')).toThrow(new Error(
      "S/Stage: stageVariables name must not be '__proto__': a CloudFormation template rendered by the CDK cannot hold that key (got '__proto__')"));
  });

  test('an unknown key of a struct lists the known ones, and the one it is close to', () => {
    fails({ throttle: { rate: 1 } as any }, "throttle key must be one of rateLimit, burstLimit (got 'rate')");
    fails({ throttle: { ratelimit: 1 } as any }, "throttle key must be one of rateLimit, burstLimit: did you mean 'rateLimit'? (got 'ratelimit')");
    fails({ routeSettings: { $connect: { throtle: {} } as any } },
      "routeSettings.$connect key must be one of throttle, loggingLevel, dataTraceEnabled, detailedMetricsEnabled: did you mean 'throttle'? (got 'throtle')");
  });

  test('an unknown key of accessLogSettings or domainMapping is refused, as in every struct inside the props', () => {
    const api = newApi();
    expect(() => newStage(api, { accessLogSettings: { destination: new apigwv2.LogGroupLogDestination(newLogGroup(api.stack)), fromat: 'x' } as any }))
      .toThrow(new Error("S/Stage: accessLogSettings key must be one of destination, format: did you mean 'format'? (got 'fromat')"));
    expect(() => newStage(api, { domainMapping: { domainName: importDomain(api.stack), key: 'v1' } as any }, 'Other'))
      .toThrow(new Error("S/Other: domainMapping key must be one of domainName, mappingKey (got 'key')"));
  });

  test('a missing required prop says what it is', () => {
    fails({ webSocketApi: undefined }, "webSocketApi must be given: it is the WebSocket API the stage belongs to (got 'undefined')");
    fails({ stageName: undefined }, "stageName must be given: it is the name of the stage (got 'undefined')");
  });

  test('an empty domainMapping or accessLogSettings says what is missing', () => {
    fails({ domainMapping: {} as any }, 'domainMapping.domainName must be given, as a custom domain: an apigwv2.DomainName, or '
      + "one imported with DomainName.fromDomainNameAttributes (got 'undefined')");
    fails({ accessLogSettings: {} as any }, 'accessLogSettings.destination must be given, as an access log destination such as '
      + "new LogGroupLogDestination(logGroup) (got 'undefined')");
    fails({ accessLogSettings: { destination: 'arn:aws:logs:x' } as any }, "accessLogSettings.destination must be an object (got 'arn:aws:logs:x')");
  });

  test.each(['stageVariables', 'tags', 'routeSettings'])('%s as an array says it takes an object', (prop) => {
    fails({ [prop]: ['a', 'b'] }, `${prop} must be an object of keys to values, not an array (got 'a,b')`);
  });

  test.each<[keyof WebSocketStageProps, string]>([
    ['cloudWatchRole', "whether the stack has the account's CloudWatch Logs role and AWS::ApiGateway::Account"],
    ['managedDeployment', 'whether the stage has an AWS::ApiGatewayV2::Deployment of its own'],
    ['awsCdkLibLogicalIds', "the construct id, and so the logical id, of the domainMapping's ApiMapping"],
  ])('%s decided at deploy time says what it decides', (prop, decides) => {
    const stack = newStack();
    expect(() => newStage(newApi(stack), { [prop]: deployTimeBoolean(stack) })).toThrow(gotToken(`S/Stage: ${prop} must be true or false, `
      + `known at synthesis: it decides ${decides}, which a value known only at deploy time (a condition or a parameter) cannot `
      + 'change; decide it in the app, for example from context'));
  });

  test('a synthesis boolean of the wrong type names the type', () => {
    fails({ cloudWatchRole: 'true' as any }, "cloudWatchRole must be a boolean (got 'true')");
    fails({ managedDeployment: 1 as any }, "managedDeployment must be a boolean (got '1')");
  });

  test('autoDeploy decided at deploy time with a managed deployment says why it must be known', () => {
    const stack = newStack();
    expect(() => newStage(newApi(stack), { managedDeployment: true, autoDeploy: deployTimeBoolean(stack) })).toThrow(gotToken(
      'S/Stage: autoDeploy must be known at synthesis when managedDeployment is true: an auto-deployed stage takes no deployment '
      + 'of its own'));
  });
});

/** The whole message, ending with a token as the value it got. */
function gotToken(message: string): RegExp {
  return new RegExp(`^${message.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} \\(got '\\$\\{Token\\[TOKEN\\.\\d+\\]\\}'\\)$`);
}

describe('checkNumber bounds', () => {
  test('a bound is inclusive at both ends', () => {
    const rule = { integer: true, min: 0, max: 10 };
    expect(() => checkNumber('n', 0, rule)).not.toThrow();
    expect(() => checkNumber('n', 10, rule)).not.toThrow();
    expect(() => checkNumber('n', 11, rule)).toThrow("n must be an integer from 0 to 10 (got '11')");
    expect(() => checkNumber('n', -1, rule)).toThrow("n must be an integer from 0 to 10 (got '-1')");
  });

  test('a rule without a maximum takes any large value', () => {
    expect(() => checkNumber('n', Number.MAX_SAFE_INTEGER, { integer: true, min: 0 })).not.toThrow();
  });
});

describe('checkString on absent values', () => {
  test('an absent value passes even a rule that the text "undefined" would break', () => {
    expect(() => checkString('p', undefined, { pattern: /^$/, rule: 'must be empty' })).not.toThrow();
  });
});

describe('props errors say the rule', () => {
  /* eslint-disable @typescript-eslint/no-explicit-any */
  test.each([
    ['webSocketApi that is not an object', { webSocketApi: 'api' as any }, "S/Stage: webSocketApi must be an object (got 'api')"],
    ['an empty clientCertificateId', { clientCertificateId: '' }, "S/Stage: clientCertificateId must not be empty (got '')"],
    ['managedDeployment with autoDeploy', { managedDeployment: true, autoDeploy: true },
      'S/Stage: managedDeployment cannot be true when autoDeploy is true: an auto-deployed stage takes no deployment of its own'],
  ])('on %s', (_what, props, message) => {
    expect(() => newStage(newApi(), props)).toThrow(message);
  });
  /* eslint-enable @typescript-eslint/no-explicit-any */

  test('one deploy-time stage name may be given to two stages: it is only known at deploy time', () => {
    const stack = newStack();
    const api = newApi(stack);
    const stageName = deployTimeString(stack, 'Name');
    newStage(api, { stageName }, 'First');

    expect(() => newStage(api, { stageName }, 'Second')).not.toThrow();
  });
});
