import { keysOf } from '../src/validation';

// keysOf is how the lists of known keys stay complete: the compiler refuses a list that leaves out a field of the
// struct or names one it does not have. The two `@ts-expect-error` lines fail the type check of the tests
// (`npx tsc -p test/tsconfig.json`, in `npm run test:ts`) the day keysOf stops refusing them.

interface Sample {
  readonly required: string;
  readonly optional?: number;
}

test('lists every key of the struct, optional ones included', () => {
  expect(keysOf<Sample>({ required: true, optional: true })).toEqual(['required', 'optional']);
});

test('the compiler refuses a list with a key missing or one too many', () => {
  // @ts-expect-error a field of the struct is left out
  const missing = keysOf<Sample>({ required: true });
  // @ts-expect-error a key the struct does not declare
  const extra = keysOf<Sample>({ required: true, optional: true, other: true });
  expect([missing, extra]).toEqual([['required'], ['required', 'optional', 'other']]);
});
