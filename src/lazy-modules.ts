import type * as apigateway from 'aws-cdk-lib/aws-apigateway';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as iam from 'aws-cdk-lib/aws-iam';

// aws-cdk-lib modules that only some features need, loaded on first use: requiring this library then costs
// about what requiring aws-cdk-lib's own stage does (see bench/RESULTS.md). Type-only imports above are erased,
// and each module is kept once loaded, because require() resolves its argument on every call.
/* eslint-disable @typescript-eslint/no-require-imports -- a require at first use is the point of this file */

let apigatewayLoaded: typeof apigateway | undefined;
let cloudwatchLoaded: typeof cloudwatch | undefined;
let iamLoaded: typeof iam | undefined;

/** `aws-cdk-lib/aws-apigateway`: access log formats and the account CloudWatch setting. */
export function apigatewayModule(): typeof apigateway {
  return apigatewayLoaded ??= require('aws-cdk-lib/aws-apigateway');
}

/** `aws-cdk-lib/aws-cloudwatch`: metrics. */
export function cloudwatchModule(): typeof cloudwatch {
  return cloudwatchLoaded ??= require('aws-cdk-lib/aws-cloudwatch');
}

/** `aws-cdk-lib/aws-iam`: grants and the CloudWatch role. */
export function iamModule(): typeof iam {
  return iamLoaded ??= require('aws-cdk-lib/aws-iam');
}
