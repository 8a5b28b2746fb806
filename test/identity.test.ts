import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Construct } from 'constructs';
import { newApi, newDomain, newStage } from './fixtures';

// Logical ids are what CloudFormation keys resources on: a changed id replaces a live stage or mapping. These are
// pinned, and must not move when unrelated things change.

const STAGE_ID = 'Stage0E8C2AF5';
const MAPPING_ID = 'StageApiMapping3B8AA308';

interface Variation {
  readonly domainScope?: (stack: Stack) => Construct;
  readonly domainId?: string;
  readonly mappingKey?: string;
  readonly otherStage?: boolean;
}

function logicalIds(variation: Variation = {}) {
  const api = newApi();
  const { stack } = api;
  const domainName = newDomain(variation.domainScope?.(stack) ?? stack, variation.domainId);
  newStage(api, { autoDeploy: true, domainMapping: { domainName, mappingKey: variation.mappingKey } });
  if (variation.otherStage) {
    newStage(api, { stageName: 'other', autoDeploy: true }, 'OtherStage');
  }
  const template = Template.fromStack(stack);
  return {
    stage: Object.keys(template.findResources('AWS::ApiGatewayV2::Stage', { Properties: { StageName: 'dev' } })),
    mapping: Object.keys(template.findResources('AWS::ApiGatewayV2::ApiMapping')),
  };
}

test('the stage and mapping logical ids are pinned', () => {
  expect(logicalIds()).toEqual({ stage: [STAGE_ID], mapping: [MAPPING_ID] });
});

test.each<[string, Variation]>([
  ['renaming the domain construct', { domainId: 'RenamedDomain' }],
  ['moving the domain construct', { domainScope: (stack) => new Construct(stack, 'Domains') }],
  ['adding a mapping key', { mappingKey: 'v1' }],
  ['adding another stage', { otherStage: true }],
])('%s changes neither', (_change, variation) => {
  expect(logicalIds(variation)).toEqual({ stage: [STAGE_ID], mapping: [MAPPING_ID] });
});
