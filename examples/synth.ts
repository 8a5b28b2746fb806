// `npm run example`: synthesizes the chat app and summarizes the stage from the template written to disk.
import { readFileSync } from 'fs';
import { join, relative } from 'path';
import { chatApp } from './chat-app';

interface Resource {
  readonly Type: string;
  // Template properties are free-form JSON; this script reads the few it prints.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly Properties?: { [key: string]: any };
}

const outdir = join(__dirname, '..', 'cdk.out');
const assembly = chatApp(outdir).synth();
const templatePath = assembly.getStackByName('ChatStack').templateFullPath;
const resources: Resource[] = Object.values(JSON.parse(readFileSync(templatePath, 'utf8')).Resources);

const only = (type: string): Resource => {
  const found = resources.filter((resource) => resource.Type === type);
  if (found.length !== 1) {
    throw new Error(`expected one ${type} in ${templatePath}, found ${found.length}`);
  }
  return found[0];
};

const stage = only('AWS::ApiGatewayV2::Stage').Properties!;
const mapping = only('AWS::ApiGatewayV2::ApiMapping').Properties!;
const domain = only('AWS::ApiGatewayV2::DomainName').Properties!;
const grants = resources
  .filter((resource) => resource.Type === 'AWS::IAM::Policy')
  .flatMap((policy) => policy.Properties!.PolicyDocument.Statement)
  .filter((statement: { Action: string }) => statement.Action === 'execute-api:ManageConnections');
const alarms = resources.filter((resource) => resource.Type === 'AWS::CloudWatch::Alarm').map((alarm) => alarm.Properties!);
const counts = resources.reduce<Record<string, number>>((acc, resource) => ({ ...acc, [resource.Type]: (acc[resource.Type] ?? 0) + 1 }), {});

const lines = [
  `Synthesized ${relative(process.cwd(), templatePath)}`,
  '',
  `WebSocket stage '${stage.StageName}'`,
  `  auto deploy     ${stage.AutoDeploy}`,
  `  throttle        ${stage.DefaultRouteSettings.ThrottlingRateLimit} requests/s, burst ${stage.DefaultRouteSettings.ThrottlingBurstLimit}`,
  `  custom domain   wss://${domain.DomainName}/${mapping.ApiMappingKey}`,
  `  access logs     JSON with ${Object.keys(JSON.parse(stage.AccessLogSettings.Format)).join(', ')}`,
  `  execution logs  ${stage.DefaultRouteSettings.LoggingLevel}, account CloudWatch role in the stack: ${resources.some((r) => r.Type === 'AWS::ApiGateway::Account')}`,
  `  route settings  ${Object.entries(stage.RouteSettings).map(([key, settings]) => `${key} ${JSON.stringify(settings)}`).join('; ')}`,
  `  stage variables ${Object.entries(stage.StageVariables).map(([name, value]) => `${name}=${value}`).join(', ')}`,
  `  grants          ${grants.length} x execute-api:ManageConnections on .../${stage.StageName}/*/@connections/*`,
 `  alarms          ${alarms.map((alarm) => `${alarm.MetricName} ${alarm.Statistic ?? alarm.ExtendedStatistic}`).join(', ')}, on the dashboard`,
  `  resources       ${resources.length} in the stack: ${Object.entries(counts).map(([type, n]) => `${n} ${type.replace(/^AWS::/, '')}`).join(', ')}`,
];
console.log(lines.join('\n'));
