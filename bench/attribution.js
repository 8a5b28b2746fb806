'use strict';
// Where ours' extra time over the raw CfnStage goes: `node --expose-gc bench/attribution.js [stages] [rounds]`.
// Measures, in one warm process, the raw CfnStage and then the same stage with each thing the L2 construct adds,
// one at a time, up to this library's stage (and aws-cdk-lib's, for reference). Each variant does the grant,
// metric and url by hand exactly as the raw CfnStage variant does, so only the stage construct differs.
const { Lazy, Resource } = require('aws-cdk-lib');
const apigwv2 = require('aws-cdk-lib/aws-apigatewayv2');
const { Construct } = require('constructs');
const { IMPLEMENTATIONS, handWrittenExtras } = require('./implementations');
const { perStage } = require('./per-stage');

const THROTTLE = { throttlingBurstLimit: 50, throttlingRateLimit: 100 };

/** A bare L2: a Resource with the stage name as physical name, holding the CfnStage. */
class BareResource extends Resource {
  constructor(scope, id, stageName) {
    super(scope, id, { physicalName: stageName });
  }
}

/** The CfnStage, with the props of the raw variant (plus `extra`), under `parent`. */
function cfnIn(parent, id, { api, stageName }, extra = {}) {
  return new apigwv2.CfnStage(parent, id, { apiId: api.apiId, stageName, defaultRouteSettings: THROTTLE, ...extra });
}

/** The variants, each adding one thing to the previous one. */
function variants() {
  const rest = handWrittenExtras;
  return {
    'raw CfnStage': IMPLEMENTATIONS.cfnstage,
    '+ a parent Construct (the L2 node)': (scope, id, props) => {
      cfnIn(new Construct(scope, id), 'Resource', props);
      return rest(scope, props);
    },
    '+ the parent is a Resource with a physical name': (scope, id, props) => {
      cfnIn(new BareResource(scope, id, props.stageName), 'Resource', props);
      return rest(scope, props);
    },
    '+ Lazy stageVariables': (scope, id, props) => {
      const parent = new BareResource(scope, id, props.stageName);
      cfnIn(parent, 'Resource', props, { stageVariables: Lazy.any({ produce: () => undefined }) });
      return rest(scope, props);
    },
    ours: IMPLEMENTATIONS.ours,
    'aws-cdk-lib': IMPLEMENTATIONS['aws-cdk-lib'],
  };
}

if (require.main === module) {
  const result = perStage(variants(), Number(process.argv[2] ?? 1000), Number(process.argv[3] ?? 7));
  console.log(JSON.stringify(result));
}
module.exports = { variants };
