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
