import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { WebSocketStage } from '../src';
import { apiFixture } from './fixtures';

const STAGE_ARN = (stage: string) => ({
  'Fn::Join': ['', [
    'arn:', { Ref: 'AWS::Partition' }, ':execute-api:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':',
    { Ref: 'ApiF70053CD' }, `/${stage}/*/@connections/*`,
  ]],
});

test('grantManagementApiAccess allows ManageConnections on every @connections method of the stage', () => {
  const { stack, api } = apiFixture();
  const stage = new WebSocketStage(stack, 'Stage', { webSocketApi: api, stageName: 'dev' });
  const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });

  const grant = stage.grantManagementApiAccess(role);

  expect(grant.success).toBe(true);
  Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
    PolicyDocument: { Statement: [{ Action: 'execute-api:ManageConnections', Effect: 'Allow', Resource: STAGE_ARN('dev') }] },
    Roles: [{ Ref: 'Role1ABCC5F0' }],
  });
});

test('the ARN takes partition, region and account from the API stack', () => {
  const app = new App();
  const apiStack = new Stack(app, 'ApiStack', { env: { account: '111111111111', region: 'eu-west-1' } });
  const api = new apigwv2.WebSocketApi(apiStack, 'Api');
  const stage = new WebSocketStage(apiStack, 'Stage', { webSocketApi: api, stageName: 'prod' });
  const role = new iam.Role(apiStack, 'Role', { assumedBy: new iam.AccountRootPrincipal() });

  stage.grantManagementApiAccess(role);

  Template.fromStack(apiStack).hasResourceProperties('AWS::IAM::Policy', {
    PolicyDocument: {
      Statement: [{
        Action: 'execute-api:ManageConnections',
        Effect: 'Allow',
        Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':execute-api:eu-west-1:111111111111:', { Ref: 'ApiF70053CD' }, '/prod/*/@connections/*']] },
      }],
    },
  });
});

describe('narrow grants', () => {
  function grantStatement(grantName: 'grantPostToConnection' | 'grantGetConnection' | 'grantDeleteConnection' | 'grantConnect', imported = false) {
    const { stack, api } = apiFixture();
    const stage = imported
      ? WebSocketStage.fromWebSocketStageAttributes(stack, 'Stage', { api, stageName: 'dev' })
      : new WebSocketStage(stack, 'Stage', { webSocketApi: api, stageName: 'dev', autoDeploy: true });
    const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    stage[grantName](role);
    const policies = Object.values(Template.fromStack(stack).findResources('AWS::IAM::Policy'));
    expect(policies).toHaveLength(1);
    return policies[0].Properties.PolicyDocument.Statement;
  }

  const arn = (suffix: string) => ({
    'Fn::Join': ['', [
      'arn:', { Ref: 'AWS::Partition' }, ':execute-api:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':',
      { Ref: 'ApiF70053CD' }, suffix,
    ]],
  });

  test.each([
    ['grantPostToConnection', '/dev/POST/@connections/*'],
    ['grantGetConnection', '/dev/GET/@connections/*'],
    ['grantDeleteConnection', '/dev/DELETE/@connections/*'],
  ] as const)('%s allows ManageConnections on %s only', (grantName, suffix) => {
    expect(grantStatement(grantName)).toEqual([{ Action: 'execute-api:ManageConnections', Effect: 'Allow', Resource: arn(suffix) }]);
  });

  test('grantConnect allows Invoke on the $connect route of the stage only', () => {
    expect(grantStatement('grantConnect')).toEqual([{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: arn('/dev/$connect') }]);
  });

  test('an imported stage grants the same', () => {
    expect(grantStatement('grantPostToConnection', true)).toEqual(grantStatement('grantPostToConnection'));
    expect(grantStatement('grantConnect', true)).toEqual(grantStatement('grantConnect'));
  });
});

describe('least privilege', () => {
  const GRANTS = ['grantManagementApiAccess', 'grantPostToConnection', 'grantGetConnection', 'grantDeleteConnection', 'grantConnect'] as const;

  test.each(GRANTS)('%s is scoped to this API and this stage, for defined and imported stages', (grantName) => {
    for (const imported of [false, true]) {
      const { stack, api } = apiFixture();
      const stage = imported
        ? WebSocketStage.fromWebSocketStageAttributes(stack, 'Stage', { api, stageName: 'dev' })
        : new WebSocketStage(stack, 'Stage', { webSocketApi: api, stageName: 'dev', autoDeploy: true });
      stage[grantName](new iam.Role(stack, 'Role', { assumedBy: new iam.AccountRootPrincipal() }));

      const statements = Object.values(Template.fromStack(stack).findResources('AWS::IAM::Policy'))
        .flatMap((policy) => policy.Properties.PolicyDocument.Statement);
      expect(statements).toHaveLength(1);
      const parts: unknown[] = statements[0].Resource['Fn::Join'][1];
      // arn:{partition}:execute-api:{region}:{account}:{apiId}/{stage}/...: the API is this one and the stage is
      // named; only the @connections method may be a wildcard (grantManagementApiAccess covers all three).
      expect(parts[parts.length - 2]).toEqual({ Ref: 'ApiF70053CD' });
      expect(parts[parts.length - 1]).toMatch(/^\/dev\/(\*\/@connections\/\*|(POST|GET|DELETE)\/@connections\/\*|\$connect)$/);
    }
  });
});
