'use strict';
// The three ways the benchmark app defines a stage. Each one produces the same template for the same input:
// a stage with throttling, a grant of execute-api:ManageConnections to a role, a metric and its wss:// url.
const path = require('path');
const { Stack } = require('aws-cdk-lib');
const apigwv2 = require('aws-cdk-lib/aws-apigatewayv2');
const cloudwatch = require('aws-cdk-lib/aws-cloudwatch');
const iam = require('aws-cdk-lib/aws-iam');

const THROTTLE = { rateLimit: 100, burstLimit: 50 };

/** This library's WebSocketStage, from the compiled lib/ (what `require('cdk-websocket-stage')` loads). */
function ours(scope, id, { api, stageName, role }) {
  const { WebSocketStage } = require(path.join(__dirname, '..'));
  const stage = new WebSocketStage(scope, id, { webSocketApi: api, stageName, throttle: THROTTLE });
  stage.grantManagementApiAccess(role);
  return { metric: stage.metric('MessageCount'), url: stage.url };
}

/** aws-cdk-lib's own WebSocketStage. */
function awsCdkLib(scope, id, { api, stageName, role }) {
  const stage = new apigwv2.WebSocketStage(scope, id, { webSocketApi: api, stageName, throttle: THROTTLE });
  stage.grantManagementApiAccess(role);
  return { metric: stage.metric('MessageCount'), url: stage.url };
}

/**
 * The grant, metric and url of a stage, written out by hand as the raw CfnStage variant does them: the same
 * statement, dimensions and url as the L2 constructs make.
 */
function handWrittenExtras(scope, { api, stageName, role }) {
  const stack = Stack.of(scope);
  const apiArn = stack.formatArn({ service: 'execute-api', resource: api.apiId });
  iam.Grant.addToPrincipal({
    grantee: role,
    actions: ['execute-api:ManageConnections'],
    resourceArns: [`${apiArn}/${stageName}/*/@connections/*`],
  });
  const metric = new cloudwatch.Metric({
    namespace: 'AWS/ApiGateway',
    metricName: 'MessageCount',
    dimensionsMap: { ApiId: api.apiId, Stage: stageName },
  });
  return { metric, url: `wss://${api.apiId}.execute-api.${stack.region}.${stack.urlSuffix}/${stageName}` };
}

/**
 * The raw L1 CfnStage with the same properties, and the grant, metric and url written out by hand: the least
 * work that gives the same template. No validation, no Resource (physical name, env), no construct metadata.
 */
function cfnStage(scope, id, props) {
  new apigwv2.CfnStage(scope, id, {
    apiId: props.api.apiId,
    stageName: props.stageName,
    defaultRouteSettings: { throttlingBurstLimit: THROTTLE.burstLimit, throttlingRateLimit: THROTTLE.rateLimit },
  });
  return handWrittenExtras(scope, props);
}

/** The implementations, by the name the benchmark uses for them (the order is the order of the report). */
const IMPLEMENTATIONS = { ours, 'aws-cdk-lib': awsCdkLib, cfnstage: cfnStage };

module.exports = { IMPLEMENTATIONS, handWrittenExtras };
