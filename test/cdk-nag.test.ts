import { App, Aspects, IAspect } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { featureStack, productionSetup, productionWithAlarms } from './feature-fixtures';

// The README's production setup checked by cdk-nag: no error on what this library creates.

function nagErrors(pack: IAspect, setup: typeof productionWithAlarms = productionSetup) {
  const app = new App();
  const { stack, api, handler } = featureStack(app, 'Production');
  setup(stack, api, handler);
  Aspects.of(app).add(pack);
  return Annotations.fromStack(stack).findError('*', Match.stringLikeRegexp('.*'))
    .map((error) => ({ path: error.id, rule: String(error.entry.data).split(':')[0] }));
}

const ours = (path: string) => path.startsWith('/Production/Stage') || path.startsWith('/Production/WebSocketStageCloudWatchRole');

test('the AwsSolutions pack finds no error in the stage, its mapping or the CloudWatch role', () => {
  const errors = nagErrors(new AwsSolutionsChecks());

  expect(errors.filter((error) => ours(error.path))).toEqual([]);
  expect(errors.length).toBeGreaterThan(0); // the pack ran: it flags the sample's own Lambda and routes
});

test("the Serverless pack's API Gateway rules find no error anywhere", () => {
  const errors = nagErrors(new ServerlessChecks());

  expect(errors.filter((error) => error.rule.startsWith('Serverless-APIGW'))).toEqual([]);
});

test('the production setup with the recommended alarms and dashboard stays clean in both packs', () => {
  const errors = [new AwsSolutionsChecks(), new ServerlessChecks()].flatMap((pack) => nagErrors(pack, productionWithAlarms));

  expect(errors.filter((error) => ours(error.path) || error.path.startsWith('/Production/Dashboard')
    || error.rule.startsWith('Serverless-APIGW'))).toEqual([]);
});
