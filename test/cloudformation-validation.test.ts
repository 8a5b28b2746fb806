import { App } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as cxapi from 'aws-cdk-lib/cx-api';
import { FEATURE_FIXTURES, featureStack } from './feature-fixtures';
import { newStage } from './fixtures';

// aws-cdk-lib validates synthesized templates against the CloudFormation resource schemas; with this feature
// flag, a finding fails synthesis. Releases without the flag (the 2.234 floor) skip these tests, visibly.

const FLAG = '@aws-cdk/core:validateAgainstDefaultRules';
const supported = (Object.values(cxapi) as unknown[]).includes(FLAG);
const whereSupported = supported ? test : test.skip;

function validatingApp(): App {
  return new App({ context: { [FLAG]: true } });
}

whereSupported.each(Object.entries(FEATURE_FIXTURES))('the %s fixture passes aws-cdk-lib template validation', (name, fixture) => {
  const app = validatingApp();
  const { stack, api, handler } = featureStack(app, `Feature-${name}`);
  fixture(stack, api, handler);

  expect(() => app.synth()).not.toThrow();
});

whereSupported('the validation is on: a schema violation slipped in by an escape hatch fails synthesis', () => {
  const app = validatingApp();
  const { api } = featureStack(app, 'Broken');
  const stage = newStage(api, { stageName: 'prod', autoDeploy: true });
  (stage.node.defaultChild as apigwv2.CfnStage).addPropertyOverride('DefaultRouteSettings.ThrottlingBurstLimit', 1.5);

  expect(() => app.synth()).toThrow(/ThrottlingBurstLimit/);
});
