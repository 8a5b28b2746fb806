import { Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { API_MAPPING_ID } from '../src/domain-mapping';
import { importDomain, newApi, newDomain, newStage } from './fixtures';

function mappingLogicalId(stack: Stack): string {
  const ids = Object.keys(Template.fromStack(stack).findResources('AWS::ApiGatewayV2::ApiMapping'));
  expect(ids).toHaveLength(1);
  return ids[0];
}

test('maps the stage on the domain under the key', () => {
  const api = newApi();
  const domainName = newDomain(api.stack);
  newStage(api, { domainMapping: { domainName, mappingKey: 'v1' } });

  Template.fromStack(api.stack).hasResourceProperties('AWS::ApiGatewayV2::ApiMapping', {
    ApiId: api.stack.resolve(api.apiId),
    DomainName: api.stack.resolve(domainName.name),
    Stage: 'dev',
    ApiMappingKey: 'v1',
  });
});

test('without a key, maps the stage on the root of the domain', () => {
  const api = newApi();
  newStage(api, { domainMapping: { domainName: newDomain(api.stack) } });

  Template.fromStack(api.stack).hasResourceProperties('AWS::ApiGatewayV2::ApiMapping', { ApiMappingKey: Match.absent() });
});

test('an empty key maps the stage on the root of the domain, as no key does', () => {
  const api = newApi();
  newStage(api, { domainMapping: { domainName: newDomain(api.stack), mappingKey: '' } });

  Template.fromStack(api.stack).hasResourceProperties('AWS::ApiGatewayV2::ApiMapping', { ApiMappingKey: Match.absent() });
});

test('an imported domain is mapped by its name', () => {
  const api = newApi();
  newStage(api, { domainMapping: { domainName: importDomain(api.stack) } });

  Template.fromStack(api.stack).hasResourceProperties('AWS::ApiGatewayV2::ApiMapping', { DomainName: 'ws.example.com' });
});

test.each([
  ['', { mappingKey: 'v1' }],
  [' with awsCdkLibLogicalIds too', { awsCdkLibLogicalIds: true }],
])('as aws-cdk-lib%s, the mapping waits for the domain and the stage, and the stage for the domain', (_case, props) => {
  const api = newApi();
  const domain = newDomain(api.stack);
  const { mappingKey, awsCdkLibLogicalIds } = props as { mappingKey?: string; awsCdkLibLogicalIds?: boolean };
  const stage = newStage(api, { domainMapping: { domainName: domain, mappingKey }, awsCdkLibLogicalIds });
  const stageLogicalId = api.stack.getLogicalId(stage.node.defaultChild as apigwv2.CfnStage);
  const domainLogicalId = api.stack.getLogicalId(domain.node.defaultChild as apigwv2.CfnDomainName);
  const template = Template.fromStack(api.stack);

  template.hasResource('AWS::ApiGatewayV2::ApiMapping', { DependsOn: [domainLogicalId, stageLogicalId] });
  template.hasResource('AWS::ApiGatewayV2::Stage', { DependsOn: [domainLogicalId] });
});

test('an imported domain adds no dependency: it has no resource in the stack', () => {
  const api = newApi();
  const stage = newStage(api, { domainMapping: { domainName: importDomain(api.stack) } });
  const template = Template.fromStack(api.stack);

  template.hasResource('AWS::ApiGatewayV2::ApiMapping', { DependsOn: [api.stack.getLogicalId(stage.node.defaultChild as apigwv2.CfnStage)] });
  template.hasResource('AWS::ApiGatewayV2::Stage', { DependsOn: Match.absent() });
});

test('the mapping is the stage child with a fixed, readable construct id', () => {
  const api = newApi();
  const stage = newStage(api, { domainMapping: { domainName: newDomain(api.stack) } });
  const mapping = stage.node.tryFindChild(API_MAPPING_ID);

  expect(API_MAPPING_ID).toBe('ApiMapping');
  expect(mapping).toBeInstanceOf(apigwv2.CfnApiMapping);
});

test('the mapping logical id is the same whatever the domain construct is called and whatever the key', () => {
  const mappingId = (domainId: string, mappingKey?: string) => {
    const api = newApi();
    newStage(api, { domainMapping: { domainName: newDomain(api.stack, domainId), mappingKey } });
    return mappingLogicalId(api.stack);
  };
  const reference = mappingId('Domain');

  expect(reference).toMatch(/^StageApiMapping[0-9A-F]{8}$/);
  expect(mappingId('RenamedDomain')).toBe(reference);
  expect(mappingId('Domain', 'v2')).toBe(reference);
});

describe('custom-domain URLs', () => {
  test('domainUrl and domainCallbackUrl are the domain and the key', () => {
    const api = newApi();
    const domainName = newDomain(api.stack);
    const stage = newStage(api, { domainMapping: { domainName, mappingKey: 'v1' } });
    const domain = api.stack.resolve(domainName.name);

    expect(api.stack.resolve(stage.domainUrl)).toEqual({ 'Fn::Join': ['', ['wss://', domain, '/v1']] });
    expect(api.stack.resolve(stage.domainCallbackUrl)).toEqual({ 'Fn::Join': ['', ['https://', domain, '/v1']] });
  });

  test('a mapping on the root gives the bare domain', () => {
    const api = newApi();
    const domainName = newDomain(api.stack);
    const stage = newStage(api, { domainMapping: { domainName } });

    expect(api.stack.resolve(stage.domainUrl)).toEqual({ 'Fn::Join': ['', ['wss://', api.stack.resolve(domainName.name)]] });
  });

  test('an imported domain gives a literal URL', () => {
    const api = newApi();
    const stage = newStage(api, { domainMapping: { domainName: importDomain(api.stack), mappingKey: 'chat' } });

    expect(stage.domainUrl).toBe('wss://ws.example.com/chat');
    expect(stage.domainCallbackUrl).toBe('https://ws.example.com/chat');
  });

  test('fails without a domain mapping', () => {
    const stage = newStage(newApi());

    expect(() => stage.domainUrl).toThrow(/^S\/Stage: domainUrl .*domainMapping/);
    expect(() => stage.domainCallbackUrl).toThrow(/^S\/Stage: domainCallbackUrl .*domainMapping/);
  });
});

test('an L1 domain name is mapped through its reference', () => {
  const api = newApi();
  const domainName = new apigwv2.CfnDomainName(api.stack, 'CfnDomain', { domainName: 'ws.example.com' });
  newStage(api, { domainMapping: { domainName } });

  Template.fromStack(api.stack).hasResourceProperties('AWS::ApiGatewayV2::ApiMapping', { DomainName: api.stack.resolve(domainName.ref) });
});
