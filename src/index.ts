export * from './access-log';
export * from './websocket-stage';
