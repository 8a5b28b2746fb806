import { WebSocketStage } from '../src';
import { apiFixture } from './fixtures';

test('url is the wss endpoint of the stage', () => {
  const { stack, api } = apiFixture();
  const stage = new WebSocketStage(stack, 'Stage', { webSocketApi: api, stageName: 'dev' });

  expect(stack.resolve(stage.url)).toEqual({
    'Fn::Join': ['', ['wss://', { Ref: 'ApiF70053CD' }, '.execute-api.', { Ref: 'AWS::Region' }, '.', { Ref: 'AWS::URLSuffix' }, '/dev']],
  });
});

test('callbackUrl is the https endpoint of the stage', () => {
  const { stack, api } = apiFixture();
  const stage = new WebSocketStage(stack, 'Stage', { webSocketApi: api, stageName: 'dev' });

  expect(stack.resolve(stage.callbackUrl)).toEqual({
    'Fn::Join': ['', ['https://', { Ref: 'ApiF70053CD' }, '.execute-api.', { Ref: 'AWS::Region' }, '.', { Ref: 'AWS::URLSuffix' }, '/dev']],
  });
});

test('a stack with a region gives a literal region', () => {
  const { stack, api } = apiFixture({ account: '111111111111', region: 'eu-west-1' });
  const stage = new WebSocketStage(stack, 'Stage', { webSocketApi: api, stageName: 'dev' });

  expect(stack.resolve(stage.url)).toEqual({
    'Fn::Join': ['', ['wss://', { Ref: 'ApiF70053CD' }, '.execute-api.eu-west-1.', { Ref: 'AWS::URLSuffix' }, '/dev']],
  });
});
