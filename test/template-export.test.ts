import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { FEATURE_FIXTURES, featureStack } from './feature-fixtures';

// Writes every feature fixture's template where scripts/test-cfn.sh validates it with cfn-lint.

const OUT = join(__dirname, '..', 'test-reports', 'templates');

test.each(Object.entries(FEATURE_FIXTURES))('the %s fixture synthesizes a stage, and its template is kept for cfn-lint', (name, fixture) => {
  const { stack, api, handler } = featureStack(new App(), `Feature-${name}`);
  fixture(stack, api, handler);
  const template = Template.fromStack(stack);

  template.resourceCountIs('AWS::ApiGatewayV2::Stage', 1);
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, `feature-${name}.json`), JSON.stringify(template.toJSON(), null, 1));
});
