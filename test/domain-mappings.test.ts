import { CfnParameter, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import { Construct } from 'constructs';
import { API_MAPPING_ID } from '../src/domain-mapping';
import { importDomain, newApi, newDomain, newStage } from './fixtures';

/** A second custom domain, `chat.example.com`, owned by the stack. */
function chatDomain(stack: Stack, id = 'ChatDomain'): apigwv2.DomainName {
  return new apigwv2.DomainName(stack, id, {
    domainName: 'chat.example.com',
    certificate: acm.Certificate.fromCertificateArn(stack, `${id}Cert`, 'arn:aws:acm:eu-west-1:111111111111:certificate/def'),
  });
}

test('maps the stage on one more domain, under the key', () => {
  const api = newApi();
  const stage = newStage(api, { domainMapping: { domainName: newDomain(api.stack), mappingKey: 'v1' } });
  const chat = chatDomain(api.stack);
  stage.addDomainMapping({ domainName: chat, mappingKey: 'v2' });

  const template = Template.fromStack(api.stack);
  template.resourceCountIs('AWS::ApiGatewayV2::ApiMapping', 2);
  template.hasResourceProperties('AWS::ApiGatewayV2::ApiMapping', {
    ApiId: api.stack.resolve(api.apiId),
    DomainName: api.stack.resolve(chat.name),
    Stage: 'dev',
    ApiMappingKey: 'v2',
  });
});

test('a stage without domainMapping can be mapped, and without a key on the root', () => {
  const api = newApi();
  const stage = newStage(api);
  stage.addDomainMapping({ domainName: chatDomain(api.stack) });

  Template.fromStack(api.stack).hasResourceProperties('AWS::ApiGatewayV2::ApiMapping', { ApiMappingKey: Match.absent() });
});

test('an added mapping waits for the stage', () => {
  const api = newApi();
  const stage = newStage(api);
  stage.addDomainMapping({ domainName: chatDomain(api.stack), mappingKey: 'v2' });
  const stageLogicalId = api.stack.getLogicalId(stage.node.defaultChild as apigwv2.CfnStage);

  Template.fromStack(api.stack).hasResource('AWS::ApiGatewayV2::ApiMapping', { DependsOn: [stageLogicalId] });
});

test('an imported domain is mapped by its name', () => {
  const api = newApi();
  newStage(api).addDomainMapping({ domainName: importDomain(api.stack) });

  Template.fromStack(api.stack).hasResourceProperties('AWS::ApiGatewayV2::ApiMapping', { DomainName: 'ws.example.com' });
});

test('returns the mapping as an aws-cdk-lib IApiMapping', () => {
  const api = newApi();
  const chat = chatDomain(api.stack);
  const mapping = newStage(api).addDomainMapping({ domainName: chat, mappingKey: 'v2' });
  const logicalId = api.stack.getLogicalId(mapping.node.defaultChild as apigwv2.CfnApiMapping);

  expect(api.stack.resolve(mapping.apiMappingId)).toEqual({ Ref: logicalId });
  expect(api.stack.resolve(mapping.apiMappingRef)).toEqual({ apiMappingId: { Ref: logicalId }, domainName: api.stack.resolve(chat.name) });
});

describe('construct and logical ids', () => {
  test('an added mapping is named for the domain as written and the key', () => {
    const api = newApi();
    const stage = newStage(api);
    const onKey = stage.addDomainMapping({ domainName: chatDomain(api.stack), mappingKey: 'v2' });
    const onRoot = stage.addDomainMapping({ domainName: importDomain(api.stack) });

    expect(onKey.node.id).toBe('ApiMapping:chat.example.com:v2');
    expect(onRoot.node.id).toBe('ApiMapping:ws.example.com');
  });

  test('a domain name that is a token is named by what it resolves to', () => {
    const api = newApi();
    const name = new CfnParameter(api.stack, 'DomainName').valueAsString;
    const domain = apigwv2.DomainName.fromDomainNameAttributes(api.stack, 'Imported', {
      name, regionalDomainName: 'd-abc.execute-api.eu-west-1.amazonaws.com', regionalHostedZoneId: 'Z2FDTNDATAQYW2',
    });

    expect(newStage(api).addDomainMapping({ domainName: domain, mappingKey: 'v2' }).node.id).toBe('ApiMapping:{"Ref":"DomainName"}:v2');
  });

  test("adding mappings never changes the logical id of the domainMapping prop's mapping", () => {
    const firstMappingId = (more: number) => {
      const api = newApi();
      const stage = newStage(api, { domainMapping: { domainName: newDomain(api.stack), mappingKey: 'v1' } });
      for (let i = 0; i < more; i++) {
        stage.addDomainMapping({ domainName: chatDomain(api.stack, `Chat${i}`), mappingKey: `v${i + 2}` });
      }
      return api.stack.getLogicalId(stage.node.findChild(API_MAPPING_ID) as apigwv2.CfnApiMapping);
    };

    expect(firstMappingId(2)).toBe(firstMappingId(0));
  });

  test("with awsCdkLibLogicalIds, adding mappings never changes the logical id of the domainMapping prop's mapping", () => {
    const mappingIds = (more: boolean) => {
      const api = newApi();
      const stage = newStage(api, { domainMapping: { domainName: newDomain(api.stack), mappingKey: 'v1' }, awsCdkLibLogicalIds: true });
      if (more) {
        stage.addDomainMapping({ domainName: chatDomain(api.stack), mappingKey: 'v2' });
      }
      return Object.keys(Template.fromStack(api.stack).findResources('AWS::ApiGatewayV2::ApiMapping'));
    };
    const [first] = mappingIds(false);

    expect(mappingIds(true)).toContain(first);
    expect(mappingIds(true)).toHaveLength(2);
  });

  test('the logical id of an added mapping depends only on its domain and key, not on the other mappings', () => {
    const logicalIdOfChatV2 = (before: string[]) => {
      const api = newApi();
      const stage = newStage(api);
      const chat = chatDomain(api.stack);
      before.forEach((mappingKey) => stage.addDomainMapping({ domainName: chat, mappingKey }));
      const mapping = stage.addDomainMapping({ domainName: chat, mappingKey: 'v2' });
      return api.stack.getLogicalId(mapping.node.defaultChild as apigwv2.CfnApiMapping);
    };
    const reference = logicalIdOfChatV2([]);

    expect(reference).toMatch(/^StageApiMappingchatexamplecomv2[0-9A-F]{8}$/);
    expect(logicalIdOfChatV2(['a', 'b'])).toBe(reference);
  });

  test('the logical id of an added mapping does not depend on the name of the domain construct', () => {
    const logicalId = (domainId: string) => {
      const api = newApi();
      const mapping = newStage(api).addDomainMapping({ domainName: chatDomain(api.stack, domainId), mappingKey: 'v2' });
      return api.stack.getLogicalId(mapping.node.defaultChild as apigwv2.CfnApiMapping);
    };

    expect(logicalId('Renamed')).toBe(logicalId('ChatDomain'));
  });
});

describe('fails when addDomainMapping', () => {
  test('maps the domain and key of the domainMapping prop again', () => {
    const api = newApi();
    const domainName = newDomain(api.stack);
    const stage = newStage(api, { domainMapping: { domainName, mappingKey: 'v1' } });

    expect(() => stage.addDomainMapping({ domainName, mappingKey: 'v1' }))
      .toThrow(/^S\/Stage: addDomainMapping must not map the stage twice on the same domain and key \(got 'ws.example.com\/v1'\)$/);
  });

  test('maps an added domain and key again, an empty key being the root', () => {
    const api = newApi();
    const stage = newStage(api);
    const domainName = chatDomain(api.stack);
    stage.addDomainMapping({ domainName });

    expect(() => stage.addDomainMapping({ domainName, mappingKey: '' })).toThrow(/addDomainMapping must not map the stage twice .*'chat.example.com'/);
  });

  test('maps the same domain construct or an import of it again', () => {
    const api = newApi();
    const stage = newStage(api);
    stage.addDomainMapping({ domainName: newDomain(api.stack) });

    expect(() => stage.addDomainMapping({ domainName: importDomain(api.stack, 'ImportedDomain') })).toThrow(/must not map the stage twice .*'ws.example.com'/);
  });

  test('has a bad mapping key', () => {
    const api = newApi();

    expect(() => newStage(api).addDomainMapping({ domainName: chatDomain(api.stack), mappingKey: 'a/b' }))
      .toThrow(/^S\/Stage: addDomainMapping mappingKey must be at most 300 characters .* \(got 'a\/b'\)$/);
  });

  test('has no domain', () => {
    const api = newApi();

    expect(() => newStage(api).addDomainMapping({} as apigwv2.DomainMappingOptions)).toThrow(/^S\/Stage: addDomainMapping domainName must be given/);
  });
});

test('the same domain can be mapped under another key', () => {
  const api = newApi();
  const domainName = newDomain(api.stack);
  const stage = newStage(api, { domainMapping: { domainName, mappingKey: 'v1' } });
  stage.addDomainMapping({ domainName, mappingKey: 'v2' });

  Template.fromStack(api.stack).resourceCountIs('AWS::ApiGatewayV2::ApiMapping', 2);
});

describe('the URLs on each domain', () => {
  const mappedStage = () => {
    const api = newApi();
    const stage = newStage(api, { domainMapping: { domainName: importDomain(api.stack), mappingKey: 'v1' } });
    const chat = chatDomain(api.stack);
    stage.addDomainMapping({ domainName: chat, mappingKey: 'v2' });
    stage.addDomainMapping({ domainName: chat });
    return { stage, chat, stack: api.stack };
  };

  test('domainUrlFor and domainCallbackUrlFor give the wss and https URLs of a domain and key', () => {
    const { stage, chat, stack } = mappedStage();
    const join = (...parts: unknown[]) => ({ 'Fn::Join': ['', parts] });

    // A domain defined in the app is mapped, and its URLs made, with its name as a reference.
    expect(stack.resolve(stage.domainUrlFor('chat.example.com', 'v2'))).toEqual(join('wss://', stack.resolve(chat.name), '/v2'));
    expect(stack.resolve(stage.domainCallbackUrlFor('chat.example.com', 'v2'))).toEqual(join('https://', stack.resolve(chat.name), '/v2'));
  });

  test('without a key, they give the root mapping', () => {
    const { stage, chat, stack } = mappedStage();

    expect(stack.resolve(stage.domainUrlFor('chat.example.com'))).toEqual({ 'Fn::Join': ['', ['wss://', stack.resolve(chat.name)]] });
    expect(stack.resolve(stage.domainCallbackUrlFor('chat.example.com', ''))).toEqual({ 'Fn::Join': ['', ['https://', stack.resolve(chat.name)]] });
  });

  test("they give the domainMapping prop's mapping too, and domainUrl stays that mapping's", () => {
    const { stage } = mappedStage();

    expect(stage.domainUrlFor('ws.example.com', 'v1')).toBe('wss://ws.example.com/v1');
    expect(stage.domainUrl).toBe('wss://ws.example.com/v1');
    expect(stage.domainCallbackUrl).toBe('https://ws.example.com/v1');
  });

  test('a domain defined in the app can also be named by its name, a reference', () => {
    const { stage, chat, stack } = mappedStage();

    expect(stack.resolve(stage.domainUrlFor(chat.name, 'v2'))).toEqual({ 'Fn::Join': ['', ['wss://', stack.resolve(chat.name), '/v2']] });
  });

  test('fail for a domain and key the stage is not mapped on, listing its mappings', () => {
    const { stage } = mappedStage();

    expect(() => stage.domainUrlFor('chat.example.com', 'v3'))
      .toThrow(/^S\/Stage: domainUrlFor must name a domain and key the stage is mapped on \(mappings: ws.example.com\/v1, chat.example.com\/v2, chat.example.com\) \(got 'chat.example.com\/v3'\)$/);
    expect(() => stage.domainCallbackUrlFor('other.example.com')).toThrow(/domainCallbackUrlFor must name .* \(got 'other.example.com'\)/);
  });

  test('fail on a stage with no mapping', () => {
    const api = newApi();

    expect(() => newStage(api).domainUrlFor('ws.example.com')).toThrow(/mapped on \(mappings: none\)/);
  });
});

describe('addDomainMapping and the URL lookups from JavaScript', () => {
  test('fail on missing or mistyped options, naming them', () => {
    const stage = newStage(newApi());

    expect(() => stage.addDomainMapping(undefined as never)).toThrow(/^S\/Stage: addDomainMapping options must be given/);
    expect(() => stage.addDomainMapping('ws.example.com' as never)).toThrow("S/Stage: addDomainMapping options must be an object (got 'ws.example.com')");
    expect(() => stage.addDomainMapping({ domainName: 'ws.example.com' } as never))
      .toThrow("S/Stage: addDomainMapping domainName must be an object (got 'ws.example.com')");
  });

  test('fail on a domain that is not a custom domain, naming it', () => {
    const stage = newStage(newApi());

    expect(() => stage.addDomainMapping({ domainName: {} } as never)).toThrow(new Error('S/Stage: addDomainMapping domainName must be '
      + "given, as a custom domain: an apigwv2.DomainName, or one imported with DomainName.fromDomainNameAttributes (got '[object Object]')"));
    expect(() => stage.addDomainMapping({ domainName: { node: {} } } as never)).toThrow(/^S\/Stage: addDomainMapping domainName must be given, as a custom domain/);
    expect(() => stage.addDomainMapping({ domainName: { name: 'ws.example.com' } } as never)).toThrow(/^S\/Stage: addDomainMapping domainName must be given, as a custom domain/);
  });

  test('take any construct with a name as a domain, as aws-cdk-lib does', () => {
    const api = newApi();
    const domainName = Object.assign(new Construct(api.stack, 'Named'), { name: 'ws.example.com' }) as unknown as apigwv2.IDomainName;
    newStage(api).addDomainMapping({ domainName, mappingKey: 'v1' });

    Template.fromStack(api.stack).hasResourceProperties('AWS::ApiGatewayV2::ApiMapping', { DomainName: 'ws.example.com', ApiMappingKey: 'v1' });
  });

  test('fail on a key the options do not declare, with a did-you-mean', () => {
    const api = newApi();

    expect(() => newStage(api).addDomainMapping({ domainName: newDomain(api.stack), mapingKey: 'v1' } as never)).toThrow(new Error(
      "S/Stage: addDomainMapping options key must be one of domainName, mappingKey: did you mean 'mappingKey'? (got 'mapingKey')"));
  });

  test('fail on a domain name or key that is not a string, naming them', () => {
    const stage = newStage(newApi());

    expect(() => stage.domainUrlFor(5 as never)).toThrow("S/Stage: domainUrlFor domainName must be a string (got '5')");
    expect(() => stage.domainUrlFor('ws.example.com', 5 as never)).toThrow("S/Stage: domainUrlFor mappingKey must be a string (got '5')");
  });
});
