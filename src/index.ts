export { AccessLogSettings, WebSocketAccessLogFormat } from './access-log';
export { IWebSocketMetrics } from './metrics';
export { IWebSocketRouteMetrics } from './route-metrics';
export { LoggingLevel, RouteSettings } from './route-settings';
export { IWebSocketStage } from './stage-base';
export { WebSocketStage } from './websocket-stage';
export { WebSocketStageAttributes, WebSocketStageProps } from './websocket-stage-props';
export { DashboardWidgetsOptions } from './dashboard-widgets';
export { RecommendedAlarmSettings, RecommendedAlarmsOptions } from './recommended-alarms';
