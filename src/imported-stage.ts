import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { Construct } from 'constructs';
import { WebSocketStageBase } from './stage-base';
import { WebSocketStageAttributes } from './websocket-stage-props';

/**
 * A stage defined outside this app. It has everything that needs only the API and the stage name.
 */
export class ImportedWebSocketStage extends WebSocketStageBase {
  public readonly api: apigwv2.IWebSocketApi;
  public readonly stageName: string;

  constructor(scope: Construct, id: string, attrs: WebSocketStageAttributes) {
    super(scope, id);
    this.api = attrs.api;
    this.stageName = attrs.stageName;
  }

  public addStageVariable(name: string, _value: string): void {
    throw new Error(`${this.node.path}: addStageVariable('${name}') cannot change imported stage '${this.stageName}': `
      + 'stage variables can only be set on stages defined in this app');
  }
}
