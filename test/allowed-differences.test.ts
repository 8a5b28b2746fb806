import { readFileSync } from 'fs';
import { join } from 'path';
import { Errors } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { WebSocketStage } from '../src';
import { ALLOWED_DIFFERENCES } from './allowed-differences';
import { newApi, newLogGroup } from './fixtures';

// The list of allowed differences and docs/migrating.md say the same; and the differences that the differential
// test cannot draw (errors) are shown here, so that the docs can be trusted on them too.

const ROOT = join(__dirname, '..');
const SECTION = '## What a switched app can tell apart';

/** The bold leads of the bullets of the docs' section on differences, in order. */
function documentedDifferences(): string[] {
  const docs = readFileSync(join(ROOT, 'docs', 'migrating.md'), 'utf8');
  const start = docs.indexOf(SECTION);
  expect(start).toBeGreaterThanOrEqual(0);
  const section = docs.slice(start + SECTION.length).split(/\n## /)[0];
  return [...section.matchAll(/^- \*\*(.+?)\*\*/gm)].map((match) => match[1]);
}

test('docs/migrating.md has one line for each allowed difference, in the same order, and no other', () => {
  expect(documentedDifferences()).toEqual(ALLOWED_DIFFERENCES.map((difference) => difference.name));
});

test('the README does not say aws-cdk-lib accepts a log format without the request id: it checks that at construction too', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const row = readme.split('\n').find((line) => line.startsWith('| Bad input'));
  expect(row).toBeDefined();
  expect(row).toMatch(/log format over 3 KB/);
});

describe('errors, for the rule both stages have', () => {
  const format = apigateway.AccessLogFormat.custom('$context.connectionId');
  const build = (implementation: 'aws-cdk-lib' | 'cdk-websocket-stage') => () => {
    const api = newApi();
    const props = {
      webSocketApi: api,
      stageName: 'dev',
      accessLogSettings: { destination: new apigwv2.LogGroupLogDestination(newLogGroup(api.stack)), format },
    };
    return implementation === 'aws-cdk-lib' ? new apigwv2.WebSocketStage(api.stack, 'Stage', props) : new WebSocketStage(api.stack, 'Stage', props);
  };

  test('both throw at construction; aws-cdk-lib a ValidationError, this library another class with another text', () => {
    const theirs = 'Access log must include either `AccessLogFormat.contextRequestId()` or `AccessLogFormat.contextExtendedRequestId()`';

    // aws-cdk-lib's error is a ValidationError (its name is the class's on 2.234 and the error's code on 2.276).
    const thrown = (construct: () => unknown) => {
      try {
        construct();
      } catch (error) {
        return error;
      }
      throw new Error('no error thrown');
    };
    const awsCdkLibError = thrown(build('aws-cdk-lib'));
    expect(Errors.isValidationError(awsCdkLibError)).toBe(true);
    expect(awsCdkLibError).toMatchObject({ message: theirs });

    const ourError = thrown(build('cdk-websocket-stage'));
    expect(Errors.isValidationError(ourError)).toBe(false);
    expect(ourError).toMatchObject({ message: expect.stringMatching(/^S\/Stage: accessLogSettings\.format /) });
    expect((ourError as Error).message).not.toContain(theirs);
  });
});
