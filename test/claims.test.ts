import { App, NestedStack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import { WebSocketStage } from '../src';
import { deployTimeString, ENV, importDomain, importStage, newApi, newDomain, newStack, newStage } from './fixtures';

/** What the second stage's error says when it maps a domain and key the stage `S/First` maps. */
function taken(prop: string, mapping: string, path = 'S/Second', other = 'S/First'): Error {
  return new Error(`${path}: ${prop} must not map a domain and key another stage maps: stage '${other}' already maps it, `
    + `and API Gateway refuses a second mapping of the same domain and key (got '${mapping}')`);
}

describe('a domain and key mapped by two stages of the app', () => {
  test('fails with the domainMapping prop on the same DomainName construct, naming both stages', () => {
    const api = newApi();
    const domainName = newDomain(api.stack);
    newStage(api, { stageName: 'one', domainMapping: { domainName, mappingKey: 'v1' } }, 'First');

    expect(() => newStage(api, { stageName: 'two', domainMapping: { domainName, mappingKey: 'v1' } }, 'Second'))
      .toThrow(taken('domainMapping', 'ws.example.com/v1'));
  });

  test('fails when two stages map the root with addDomainMapping', () => {
    const api = newApi();
    const domainName = newDomain(api.stack);
    newStage(api, { stageName: 'one' }, 'First').addDomainMapping({ domainName });
    const second = newStage(api, { stageName: 'two' }, 'Second');

    expect(() => second.addDomainMapping({ domainName, mappingKey: '' })).toThrow(taken('addDomainMapping', 'ws.example.com'));
    // Nothing was added for the refused mapping.
    expect(second.node.children.map((child) => child.node.id)).toEqual(['Resource']);
  });

  test('fails across the prop and addDomainMapping', () => {
    const api = newApi();
    const domainName = newDomain(api.stack);
    newStage(api, { stageName: 'one', domainMapping: { domainName } }, 'First');

    expect(() => newStage(api, { stageName: 'two' }, 'Second').addDomainMapping({ domainName })).toThrow(taken('addDomainMapping', 'ws.example.com'));
  });

  test('fails with a domain imported under the same name, in any case', () => {
    const api = newApi();
    newStage(api, { stageName: 'one', domainMapping: { domainName: newDomain(api.stack), mappingKey: 'v1' } }, 'First');
    const imported = apigwv2.DomainName.fromDomainNameAttributes(api.stack, 'Imported', {
      name: 'WS.Example.com', regionalDomainName: 'd-abc.execute-api.eu-west-1.amazonaws.com', regionalHostedZoneId: 'Z2FDTNDATAQYW2',
    });

    expect(() => newStage(api, { stageName: 'two', domainMapping: { domainName: imported, mappingKey: 'v1' } }, 'Second'))
      .toThrow(taken('domainMapping', 'WS.Example.com/v1'));
  });

  test('fails across the stacks of the app in one environment', () => {
    const app = new App();
    const first = newApi(newStack({ app, id: 'One', env: ENV }));
    const second = newApi(newStack({ app, id: 'Two', env: ENV }));
    newStage(first, { domainMapping: { domainName: importDomain(first.stack), mappingKey: 'v1' } }, 'First');

    expect(() => newStage(second, { domainMapping: { domainName: newDomain(second.stack), mappingKey: 'v1' } }, 'Second'))
      .toThrow(taken('domainMapping', 'ws.example.com/v1', 'Two/Second', 'One/First'));
  });

  test('fails across a stack and its nested stack', () => {
    const api = newApi();
    newStage(api, { domainMapping: { domainName: importDomain(api.stack) } }, 'First');
    const nested = new NestedStack(api.stack, 'Nested');
    const nestedApi = new apigwv2.WebSocketApi(nested, 'Api');

    expect(() => new WebSocketStage(nested, 'Second', { webSocketApi: nestedApi, stageName: 'dev', domainMapping: { domainName: importDomain(nested) } }))
      .toThrow(taken('domainMapping', 'ws.example.com', 'S/Nested/Second'));
  });

  test('fails for each mapping of the app, not only the last one claimed', () => {
    const api = newApi();
    const domainName = newDomain(api.stack);
    newStage(api, { stageName: 'one', domainMapping: { domainName, mappingKey: 'a' } }, 'First');
    newStage(api, { stageName: 'two', domainMapping: { domainName, mappingKey: 'b' } }, 'Second');

    expect(() => newStage(api, { stageName: 'three', domainMapping: { domainName, mappingKey: 'a' } }, 'Third'))
      .toThrow(taken('domainMapping', 'ws.example.com/a', 'S/Third', 'S/First'));
    expect(() => newStage(api, { stageName: 'four', domainMapping: { domainName, mappingKey: 'b' } }, 'Fourth'))
      .toThrow(taken('domainMapping', 'ws.example.com/b', 'S/Fourth', 'S/Second'));
  });

  test('passes in stacks of two regions: a custom domain is regional, and may be set up in each', () => {
    const app = new App();
    const first = newApi(newStack({ app, id: 'One', env: ENV }));
    const second = newApi(newStack({ app, id: 'Two', env: { ...ENV, region: 'us-east-1' } }));
    newStage(first, { domainMapping: { domainName: importDomain(first.stack) } }, 'First');

    expect(() => newStage(second, { domainMapping: { domainName: importDomain(second.stack) } }, 'Second')).not.toThrow();
  });

  test('passes in two apps', () => {
    const first = newApi();
    const second = newApi();
    newStage(first, { domainMapping: { domainName: importDomain(first.stack) } });

    expect(() => newStage(second, { domainMapping: { domainName: importDomain(second.stack) } })).not.toThrow();
  });

  test('passes under another key, and on the root beside a key', () => {
    const api = newApi();
    const domainName = newDomain(api.stack);
    newStage(api, { stageName: 'one', domainMapping: { domainName, mappingKey: 'v1' } }, 'First');
    const second = newStage(api, { stageName: 'two', domainMapping: { domainName, mappingKey: 'v2' } }, 'Second');
    second.addDomainMapping({ domainName });
    second.addDomainMapping({ domainName, mappingKey: 'V1' });

    expect(Object.keys(Template.fromStack(api.stack).findResources('AWS::ApiGatewayV2::ApiMapping'))).toHaveLength(4);
  });

  test('passes when the domain name or the key is only known at deploy time', () => {
    const stack = newStack();
    const api = newApi(stack);
    const domainName = new apigwv2.DomainName(stack, 'Deployed', {
      domainName: deployTimeString(stack, 'Name'),
      certificate: acm.Certificate.fromCertificateArn(stack, 'Cert', 'arn:aws:acm:eu-west-1:111111111111:certificate/abc'),
    });
    const key = deployTimeString(stack, 'Key');
    newStage(api, { stageName: 'one', domainMapping: { domainName } }, 'First').addDomainMapping({ domainName: importDomain(stack), mappingKey: key });
    const second = newStage(api, { stageName: 'two', domainMapping: { domainName } }, 'Second');

    expect(() => second.addDomainMapping({ domainName: importDomain(stack, 'Again'), mappingKey: key })).not.toThrow();
  });
});

describe('a stage that fails a check keeps nothing it would have claimed', () => {
  test('its stage name: a later valid stage of that name is created', () => {
    const api = newApi();

    expect(() => newStage(api, { stageName: 'dev', stageVariables: { 'bad-name': 'v' } }, 'First')).toThrow(/^S\/First: stageVariables name/);
    expect(() => newStage(api, { stageName: 'dev' }, 'Second')).not.toThrow();
  });

  test('its stage name, when it fails on its domain and key', () => {
    const api = newApi();
    const domainName = newDomain(api.stack);
    newStage(api, { stageName: 'one', domainMapping: { domainName } }, 'First');

    expect(() => newStage(api, { stageName: 'two', domainMapping: { domainName } }, 'Second')).toThrow(taken('domainMapping', 'ws.example.com'));
    expect(() => newStage(api, { stageName: 'two' }, 'Third')).not.toThrow();
  });

  test('its domain and key: a later valid stage maps them', () => {
    const api = newApi();
    const domainName = newDomain(api.stack);

    expect(() => newStage(api, { stageName: 'one', domainMapping: { domainName }, tags: { 'aws:x': 'y' } }, 'First')).toThrow(/^S\/First: tags key/);
    expect(() => newStage(api, { stageName: 'two', domainMapping: { domainName } }, 'Second')).not.toThrow();
  });

  test('each stage name of an API stays taken, not only the last one claimed', () => {
    const api = newApi();
    newStage(api, { stageName: 'a' }, 'First');
    newStage(api, { stageName: 'b' }, 'Second');

    expect(() => newStage(api, { stageName: 'a' }, 'Third')).toThrow(/^S\/Third: stageName must be unique on the API: stage 'S\/First'/);
    expect(() => newStage(api, { stageName: 'b' }, 'Fourth')).toThrow(/^S\/Fourth: stageName must be unique on the API: stage 'S\/Second'/);
  });

  test('its stage name, when it fails on its name', () => {
    const api = newApi();
    newStage(api, { stageName: 'dev' }, 'First');

    expect(() => newStage(api, { stageName: 'dev' }, 'Second')).toThrow(/^S\/Second: stageName must be unique on the API: stage 'S\/First'/);
    expect(() => newStage(api, { stageName: 'dev' }, 'Third')).toThrow(/^S\/Third: stageName must be unique on the API: stage 'S\/First'/);
  });
});

describe('an import that fails a check', () => {
  test('keeps no construct id: a later valid import with that id is made', () => {
    const api = newApi();

    expect(() => importStage(api, 'bad name!')).toThrow(/^S\/Imported: stageName must be 1-128 characters/);
    expect(importStage(api, 'prod').node.path).toBe('S/Imported');
  });

  test('fails on missing or mistyped attributes from JavaScript, naming them', () => {
    const api = newApi();
    const attrs = (value: object) => () => WebSocketStage.fromWebSocketStageAttributes(api.stack, 'Imported', value as never);

    expect(attrs({ stageName: 'prod' })).toThrow(new Error("S/Imported: api must be given (got 'undefined')"));
    expect(attrs({ api })).toThrow(new Error("S/Imported: stageName must be given (got 'undefined')"));
    expect(attrs({ api: 'abc123', stageName: 'prod' })).toThrow(new Error("S/Imported: api must be an object (got 'abc123')"));
    expect(() => WebSocketStage.fromWebSocketStageAttributes(api.stack, 'Imported', 'prod' as never))
      .toThrow(new Error("S/Imported: attrs must be an object (got 'prod')"));
    expect(() => WebSocketStage.fromWebSocketStageAttributes(api.stack, 'Imported', undefined as never))
      .toThrow(new Error("S/Imported: api must be given (got 'undefined')"));
  });

  test('names the path it would have had, also directly under the app', () => {
    const app = new App();

    expect(() => WebSocketStage.fromWebSocketStageAttributes(app, 'Imported', { api: newApi(), stageName: 'bad name!' }))
      .toThrow(/^Imported: stageName must be 1-128 characters/);
  });
});
