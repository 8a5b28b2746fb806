import { ENV, newApi, newStack, newStage } from './fixtures';

test('url is the wss endpoint of the stage', () => {
  const api = newApi();
  const stage = newStage(api);

  expect(api.stack.resolve(stage.url)).toEqual({
    'Fn::Join': ['', ['wss://', api.stack.resolve(api.apiId), '.execute-api.', { Ref: 'AWS::Region' }, '.', { Ref: 'AWS::URLSuffix' }, '/dev']],
  });
});

test('callbackUrl is the https endpoint of the stage', () => {
  const api = newApi();
  const stage = newStage(api);

  expect(api.stack.resolve(stage.callbackUrl)).toEqual({
    'Fn::Join': ['', ['https://', api.stack.resolve(api.apiId), '.execute-api.', { Ref: 'AWS::Region' }, '.', { Ref: 'AWS::URLSuffix' }, '/dev']],
  });
});

test('a stack with a region gives a literal region', () => {
  const api = newApi(newStack({ env: ENV }));
  const stage = newStage(api);

  expect(api.stack.resolve(stage.url)).toEqual({
    'Fn::Join': ['', ['wss://', api.stack.resolve(api.apiId), '.execute-api.eu-west-1.', { Ref: 'AWS::URLSuffix' }, '/dev']],
  });
});
