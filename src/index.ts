export { AccessLogSettings, WebSocketAccessLogFormat } from './access-log';
export { LoggingLevel, RouteSettings } from './route-settings';
export { IWebSocketStage, WebSocketStageBase } from './stage-base';
export { WebSocketStage } from './websocket-stage';
export { WebSocketStageAttributes, WebSocketStageProps } from './websocket-stage-props';
