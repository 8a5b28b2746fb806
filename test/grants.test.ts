import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { ENV, importStage, newApi, newRole, newStack, newStage } from './fixtures';

type GrantName = 'grantManagementApiAccess' | 'grantPostToConnection' | 'grantGetConnection' | 'grantDeleteConnection' | 'grantConnect';

/** The ARN of `suffix` under the API, in an environment-agnostic stack. */
function executeApiArn(api: apigwv2.IWebSocketApi, suffix: string) {
  return {
    'Fn::Join': ['', [
      'arn:', { Ref: 'AWS::Partition' }, ':execute-api:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':',
      api.stack.resolve(api.apiId), suffix,
    ]],
  };
}

/** The statements of the only policy in the stack. */
function policyStatements(stack: Stack) {
  const policies = Object.values(Template.fromStack(stack).findResources('AWS::IAM::Policy'));
  expect(policies).toHaveLength(1);
  return policies[0].Properties.PolicyDocument.Statement;
}

test('grantManagementApiAccess allows ManageConnections on every @connections method of the stage', () => {
  const api = newApi();
  const stage = newStage(api);
  const role = newRole(api.stack);

  const grant = stage.grantManagementApiAccess(role);

  expect(grant.success).toBe(true);
  Template.fromStack(api.stack).hasResourceProperties('AWS::IAM::Policy', {
    PolicyDocument: { Statement: [{ Action: 'execute-api:ManageConnections', Effect: 'Allow', Resource: executeApiArn(api, '/dev/*/@connections/*') }] },
    Roles: [api.stack.resolve(role.roleName)],
  });
});

test('the ARN takes partition, region and account from the API stack', () => {
  const api = newApi(newStack({ env: ENV }));
  const stage = newStage(api, { stageName: 'prod' });

  stage.grantManagementApiAccess(newRole(api.stack));

  Template.fromStack(api.stack).hasResourceProperties('AWS::IAM::Policy', {
    PolicyDocument: {
      Statement: [{
        Action: 'execute-api:ManageConnections',
        Effect: 'Allow',
        Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':execute-api:eu-west-1:111111111111:', api.stack.resolve(api.apiId), '/prod/*/@connections/*']] },
      }],
    },
  });
});

describe('narrow grants', () => {
  /** The statements `grantName` gives a role, on a stage `dev` defined here or imported. */
  function grantStatements(grantName: GrantName, imported = false) {
    const api = newApi();
    const stage = imported ? importStage(api, 'dev') : newStage(api, { autoDeploy: true });
    stage[grantName](newRole(api.stack));
    return { api, statements: policyStatements(api.stack) };
  }

  test.each([
    ['grantPostToConnection', '/dev/POST/@connections/*'],
    ['grantGetConnection', '/dev/GET/@connections/*'],
    ['grantDeleteConnection', '/dev/DELETE/@connections/*'],
  ] as const)('%s allows ManageConnections on %s only', (grantName, suffix) => {
    const { api, statements } = grantStatements(grantName);

    expect(statements).toEqual([{ Action: 'execute-api:ManageConnections', Effect: 'Allow', Resource: executeApiArn(api, suffix) }]);
  });

  test('grantConnect allows Invoke on the $connect route of the stage only', () => {
    const { api, statements } = grantStatements('grantConnect');

    expect(statements).toEqual([{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: executeApiArn(api, '/dev/$connect') }]);
  });

  test('an imported stage grants the same', () => {
    expect(grantStatements('grantPostToConnection', true).statements).toEqual(grantStatements('grantPostToConnection').statements);
    expect(grantStatements('grantConnect', true).statements).toEqual(grantStatements('grantConnect').statements);
  });
});

describe('least privilege', () => {
  const GRANTS: GrantName[] = ['grantManagementApiAccess', 'grantPostToConnection', 'grantGetConnection', 'grantDeleteConnection', 'grantConnect'];

  test.each(GRANTS)('%s is scoped to this API and this stage, for defined and imported stages', (grantName) => {
    for (const imported of [false, true]) {
      const api = newApi();
      const stage = imported ? importStage(api, 'dev') : newStage(api, { autoDeploy: true });
      stage[grantName](newRole(api.stack));

      const statements = policyStatements(api.stack);
      expect(statements).toHaveLength(1);
      const parts: unknown[] = statements[0].Resource['Fn::Join'][1];
      // arn:{partition}:execute-api:{region}:{account}:{apiId}/{stage}/...: the API is this one and the stage is
      // named; only the @connections method may be a wildcard (grantManagementApiAccess covers all three).
      expect(parts[parts.length - 2]).toEqual(api.stack.resolve(api.apiId));
      expect(parts[parts.length - 1]).toMatch(/^\/dev\/(\*\/@connections\/\*|(POST|GET|DELETE)\/@connections\/\*|\$connect)$/);
    }
  });
});

describe('from JavaScript', () => {
  test.each<GrantName>(['grantManagementApiAccess', 'grantPostToConnection', 'grantGetConnection', 'grantDeleteConnection', 'grantConnect'])(
    '%s fails on a missing or wrong identity, naming the stage, the method and the rule', (grant) => {
      const stage = newStage(newApi());

      expect(() => stage[grant](undefined as never)).toThrow(new Error(
        `S/Stage: ${grant} identity must be given, as an iam.IGrantable such as a Lambda function or a role (got 'undefined')`));
      expect(() => stage[grant]('arn:aws:iam::111111111111:role/r' as never)).toThrow(new Error(
        `S/Stage: ${grant} identity must be an object (got 'arn:aws:iam::111111111111:role/r')`));
      expect(() => stage[grant]({} as never)).toThrow(/^S\/Stage: \w+ identity must be given, as an iam.IGrantable/);
    });

  test('an imported stage names its own path', () => {
    expect(() => importStage(newApi()).grantPostToConnection(undefined as never)).toThrow(/^S\/Imported: grantPostToConnection identity must be given/);
  });
});
