import { Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import { WebSocketStage } from '../src';
import { API_MAPPING_ID } from '../src/domain-mapping';
import { apiFixture } from './fixtures';

const CERTIFICATE_ARN = 'arn:aws:acm:eu-west-1:111111111111:certificate/abc';

function ownedDomain(stack: Stack, id = 'Domain') {
  return new apigwv2.DomainName(stack, id, {
    domainName: 'ws.example.com',
    certificate: acm.Certificate.fromCertificateArn(stack, `${id}Cert`, CERTIFICATE_ARN),
  });
}

function mappedStage(options: { domainId?: string; mappingKey?: string } = {}) {
  const { stack, api } = apiFixture();
  const stage = new WebSocketStage(stack, 'Stage', {
    webSocketApi: api,
    stageName: 'dev',
    domainMapping: { domainName: ownedDomain(stack, options.domainId), mappingKey: options.mappingKey },
  });
  return { stack, stage };
}

function mappingLogicalId(stack: Stack): string {
  const ids = Object.keys(Template.fromStack(stack).findResources('AWS::ApiGatewayV2::ApiMapping'));
  expect(ids).toHaveLength(1);
  return ids[0];
}

test('maps the stage on the domain under the key', () => {
  const { stack } = mappedStage({ mappingKey: 'v1' });

  Template.fromStack(stack).hasResourceProperties('AWS::ApiGatewayV2::ApiMapping', {
    ApiId: { Ref: 'ApiF70053CD' },
    DomainName: { Ref: 'Domain66AC69E0' },
    Stage: 'dev',
    ApiMappingKey: 'v1',
  });
});

test('without a key, maps the stage on the root of the domain', () => {
  const { stack } = mappedStage();

  Template.fromStack(stack).hasResourceProperties('AWS::ApiGatewayV2::ApiMapping', { ApiMappingKey: Match.absent() });
});

test('an empty key maps the stage on the root of the domain, as no key does', () => {
  const { stack } = mappedStage({ mappingKey: '' });

  Template.fromStack(stack).hasResourceProperties('AWS::ApiGatewayV2::ApiMapping', { ApiMappingKey: Match.absent() });
});

test('an imported domain is mapped by its name', () => {
  const { stack, api } = apiFixture();
  const domainName = apigwv2.DomainName.fromDomainNameAttributes(stack, 'Domain', {
    name: 'ws.example.com',
    regionalDomainName: 'd-abc.execute-api.eu-west-1.amazonaws.com',
    regionalHostedZoneId: 'Z2FDTNDATAQYW2',
  });
  new WebSocketStage(stack, 'Stage', { webSocketApi: api, stageName: 'dev', domainMapping: { domainName } });

  Template.fromStack(stack).hasResourceProperties('AWS::ApiGatewayV2::ApiMapping', { DomainName: 'ws.example.com' });
});

test('the mapping waits for the stage', () => {
  const { stack, stage } = mappedStage({ mappingKey: 'v1' });
  const stageLogicalId = stack.getLogicalId(stage.node.defaultChild as apigwv2.CfnStage);

  Template.fromStack(stack).hasResource('AWS::ApiGatewayV2::ApiMapping', { DependsOn: [stageLogicalId] });
});

test('the stage itself does not depend on the domain', () => {
  const { stack } = mappedStage({ mappingKey: 'v1' });

  Template.fromStack(stack).hasResource('AWS::ApiGatewayV2::Stage', { DependsOn: Match.absent() });
});

test('the mapping is the stage child with a fixed, readable construct id', () => {
  const { stage } = mappedStage();
  const mapping = stage.node.tryFindChild(API_MAPPING_ID);

  expect(API_MAPPING_ID).toBe('ApiMapping');
  expect(mapping).toBeInstanceOf(apigwv2.CfnApiMapping);
});

test('the mapping logical id is the same whatever the domain construct is called and whatever the key', () => {
  const reference = mappingLogicalId(mappedStage().stack);

  expect(reference).toMatch(/^StageApiMapping[0-9A-F]{8}$/);
  expect(mappingLogicalId(mappedStage({ domainId: 'RenamedDomain' }).stack)).toBe(reference);
  expect(mappingLogicalId(mappedStage({ mappingKey: 'v2' }).stack)).toBe(reference);
});

describe('custom-domain URLs', () => {
  test('domainUrl and domainCallbackUrl are the domain and the key', () => {
    const { stack, stage } = mappedStage({ mappingKey: 'v1' });

    expect(stack.resolve(stage.domainUrl)).toEqual({ 'Fn::Join': ['', ['wss://', { Ref: 'Domain66AC69E0' }, '/v1']] });
    expect(stack.resolve(stage.domainCallbackUrl)).toEqual({ 'Fn::Join': ['', ['https://', { Ref: 'Domain66AC69E0' }, '/v1']] });
  });

  test('a mapping on the root gives the bare domain', () => {
    const { stack, stage } = mappedStage();

    expect(stack.resolve(stage.domainUrl)).toEqual({ 'Fn::Join': ['', ['wss://', { Ref: 'Domain66AC69E0' }]] });
  });

  test('an imported domain gives a literal URL', () => {
    const { stack, api } = apiFixture();
    const domainName = apigwv2.DomainName.fromDomainNameAttributes(stack, 'Domain', {
      name: 'ws.example.com', regionalDomainName: 'd-abc.execute-api.eu-west-1.amazonaws.com', regionalHostedZoneId: 'Z2FDTNDATAQYW2',
    });
    const stage = new WebSocketStage(stack, 'Stage', { webSocketApi: api, stageName: 'dev', domainMapping: { domainName, mappingKey: 'chat' } });

    expect(stage.domainUrl).toBe('wss://ws.example.com/chat');
    expect(stage.domainCallbackUrl).toBe('https://ws.example.com/chat');
  });

  test('fails without a domain mapping', () => {
    const { stack, api } = apiFixture();
    const stage = new WebSocketStage(stack, 'Stage', { webSocketApi: api, stageName: 'dev' });

    expect(() => stage.domainUrl).toThrow("domainUrl is only available on a stage with a domainMapping; stage 'S/Stage' has none");
    expect(() => stage.domainCallbackUrl).toThrow("domainCallbackUrl is only available on a stage with a domainMapping; stage 'S/Stage' has none");
  });
});

test('an L1 domain name is mapped through its reference', () => {
  const { stack, api } = apiFixture();
  const domainName = new apigwv2.CfnDomainName(stack, 'CfnDomain', { domainName: 'ws.example.com' });
  new WebSocketStage(stack, 'Stage', { webSocketApi: api, stageName: 'dev', domainMapping: { domainName } });

  Template.fromStack(stack).hasResourceProperties('AWS::ApiGatewayV2::ApiMapping', { DomainName: { Ref: 'CfnDomain' } });
});
