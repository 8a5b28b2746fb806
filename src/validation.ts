import { Annotations, Token } from 'aws-cdk-lib/core';
import { IConstruct } from 'constructs';

/**
 * The input rules AWS documents for a WebSocket stage, defined once and used by every check and test.
 */
export const RULES = {
  stageName: {
    pattern: /^[A-Za-z0-9_-]{1,128}$/,
    rule: 'must be 1-128 characters of A-Z a-z 0-9 - _',
  },
  stageVariableName: {
    pattern: /^[A-Za-z0-9_]+$/,
    rule: 'must be one or more characters of A-Z a-z 0-9 _',
  },
  stageVariableValue: {
    pattern: /^[A-Za-z0-9\-._~:/?#&=,]{1,2048}$/,
    rule: 'must be 1-2048 characters of A-Z a-z 0-9 - . _ ~ : / ? # & = ,',
  },
  description: {
    // `u`: AWS counts characters, not the UTF-16 units of JavaScript strings.
    pattern: /^[\s\S]{0,1024}$/u,
    rule: 'must be at most 1024 characters',
  },
  routeKey: {
    pattern: /^[\s\S]+$/,
    rule: 'must not be empty',
  },
  clientCertificateId: {
    pattern: /^[\s\S]+$/,
    rule: 'must not be empty',
  },
  mappingKey: {
    pattern: /^[A-Za-z0-9$\-_.+!*'()]{0,300}$/,
    rule: "must be at most 300 characters of A-Z a-z 0-9 $ - _ . + ! * ' ( )",
  },
} as const;

/** A string input rule: the pattern a resolved value must match, and how to say it in an error. */
export interface StringRule {
  readonly pattern: RegExp;
  readonly rule: string;
}

/** The longest part of a bad value that an error message quotes. */
const QUOTE_LIMIT = 64;

/**
 * Quotes a bad value for an error message: short values whole, long ones cut, with their length.
 */
export function quote(value: unknown): string {
  const characters = Array.from(String(value));
  if (characters.length <= QUOTE_LIMIT) {
    return `'${characters.join('')}'`;
  }
  return `'${characters.slice(0, QUOTE_LIMIT).join('')}…' (${characters.length} characters)`;
}

/** The length of a text in characters (code points), as AWS counts it. */
export function characterCount(text: string): number {
  return Array.from(text).length;
}

/**
 * Prefixes an error thrown while checking or building a construct with the construct's path, as aws-cdk-lib's own
 * validation errors carry it: in an app with many stages, the path is what finds the one at fault.
 */
export function withConstructPath(scope: IConstruct, error: unknown): unknown {
  return withPath(scope.node.path, error);
}

/** As `withConstructPath`, for a construct not made yet: its path is its scope's and its id. */
export function withPath(path: string, error: unknown): unknown {
  const prefix = `${path}: `;
  if (error instanceof Error && !error.message.startsWith(prefix)) {
    error.message = prefix + error.message;
  }
  return error;
}

/** The JavaScript types a prop can be declared with. */
export type InputType = 'string' | 'number' | 'boolean' | 'object';

/**
 * Throws when a value is present but not of its declared type: JavaScript callers, and `null`s, get past the
 * compiler. Absent values pass.
 */
export function checkType(prop: string, value: unknown, type: InputType): void {
  if (value === undefined) {
    return;
  }
  if (typeof value !== type || value === null) {
    throw invalidInput(prop, `must be ${type === 'object' ? 'an object' : `a ${type}`}${value === null ? ', or left out' : ''}`, value);
  }
}

/**
 * Throws when a value is present but neither a boolean nor a token: a boolean decided at deploy time, such as
 * `Fn.conditionIf('IsProd', true, false)` or a parameter, goes into the template as it is.
 */
export function checkBoolean(prop: string, value: unknown): void {
  if (!Token.isUnresolved(value)) {
    checkType(prop, value, 'boolean');
  }
}

/**
 * Throws when a boolean that shapes the app (which resources or construct ids it has) is not a plain boolean: a
 * token is only decided at deploy time, long after the app was built. `decides` says what the prop shapes.
 */
export function checkSynthesisBoolean(prop: string, value: unknown, decides: string): void {
  if (Token.isUnresolved(value)) {
    throw invalidInput(prop, `must be true or false, known at synthesis: it decides ${decides}, which a value known only `
      + 'at deploy time (a condition or a parameter) cannot change; decide it in the app, for example from context', value);
  }
  checkType(prop, value, 'boolean');
}

/** The error for a bad input: the prop, the rule, then the value. */
export function invalidInput(prop: string, rule: string, value: unknown): Error {
  return new Error(`${prop} ${rule} (got ${quote(value)})`);
}

/**
 * Throws when a resolved string breaks its rule. Unresolved tokens and absent values pass:
 * their value is only known at deploy time.
 */
export function checkString(prop: string, value: string | undefined, rule: StringRule): void {
  checkType(prop, value, 'string');
  // The rule first: it is cheaper than asking aws-cdk-lib whether the value is a token, and most values pass it.
  if (value === undefined || rule.pattern.test(value) || Token.isUnresolved(value)) {
    return;
  }
  throw invalidInput(prop, rule.rule, value);
}

/** What a numeric input must be. */
export interface NumberRule {
  /** Whether the value must be a whole number. */
  readonly integer: boolean;
  /** The smallest value allowed. */
  readonly min: number;
  /** The largest value allowed, if any. */
  readonly max?: number;
}

/**
 * Throws when a resolved number breaks its rule. Unresolved tokens and absent values pass.
 */
export function checkNumber(prop: string, value: number | undefined, rule: NumberRule): void {
  if (value === undefined) {
    return;
  }
  const ok = (rule.integer ? Number.isInteger(value) : Number.isFinite(value))
    && value >= rule.min && (rule.max === undefined || value <= rule.max);
  // The rule first, as for strings: it is cheaper than asking aws-cdk-lib whether the value is a token.
  if (ok || Token.isUnresolved(value)) {
    return;
  }
  const kind = rule.integer ? 'an integer' : 'a number';
  const range = rule.max === undefined ? `>= ${rule.min}` : `from ${rule.min} to ${rule.max}`;
  throw invalidInput(prop, `must be ${kind} ${range}`, value);
}

/**
 * Throws when a resolved stage name is not a valid WebSocket stage name.
 *
 * API Gateway v2 and CloudFormation allow a stage name "or `$default`". This library refuses `$default` (a rule of
 * its own, with its own message): stages of that name on WebSocket APIs are reported to misbehave, with 429s on
 * connect and no execution log group.
 */
export function checkStageName(prop: string, value: string): void {
  if (value === '$default') {
    throw invalidInput(prop, `${RULES.stageName.rule}: '$default', which API Gateway v2 allows for the default stage of `
      + 'HTTP APIs, is refused by this library on WebSocket APIs, where such stages are reported to refuse connections (429) '
      + 'and write no execution logs', value);
  }
  checkString(prop, value, RULES.stageName);
}

/**
 * The one key a JavaScript object cannot hold as data: assigning it sets the object's prototype instead, so the
 * entry would vanish from the template that aws-cdk-lib renders.
 */
const PROTOTYPE_KEY = '__proto__';

/**
 * Throws when a key of a user-keyed map (stage variables, route settings, tags) is `__proto__`.
 */
export function checkMapKey(prop: string, key: string): void {
  if (key === PROTOTYPE_KEY) {
    throw invalidInput(prop, "must not be '__proto__': a CloudFormation template rendered by the CDK cannot hold that key", key);
  }
}

/**
 * The entries of a user-keyed map prop, after checking that it is an object and checking its keys (`keyProp`
 * names them in errors). A `__proto__` key written in an object literal (or arriving from another language
 * through jsii) is not an entry but the object's prototype, so that is refused too, rather than the entry vanishing.
 */
export function userMapEntries<T>(prop: string, map: { [key: string]: T } | undefined, keyProp = `${prop} key`): [string, T][] {
  if (map === undefined) {
    return [];
  }
  checkType(prop, map, 'object');
  if (Array.isArray(map)) {
    throw invalidInput(prop, 'must be an object of keys to values, not an array', map);
  }
  const prototype: unknown = Object.getPrototypeOf(map);
  if (prototype !== Object.prototype && prototype !== null) {
    checkMapKey(keyProp, PROTOTYPE_KEY);
  }
  const entries = Object.entries(map);
  entries.forEach(([key]) => checkMapKey(keyProp, key));
  return entries;
}

/**
 * AWS tag rules: at most 50 tags; keys 1-128 characters, values up to 256, of letters, digits, spaces and
 * + - = . _ : / @, neither starting with `aws:` in any case (reserved for AWS on keys and values). API Gateway,
 * CloudWatch Logs and CloudWatch alarms share them; an alarm's value must not be empty either (see the stage).
 */
const TAG_CHARACTERS = /^[\p{L}\p{Z}\p{N}+\-=._:/@]*$/u;
const MAX_TAGS = 50;

/** Whether a tag key or value starts with the prefix AWS reserves, `aws:`, in any case. */
function isReservedForAws(text: string): boolean {
  return text.toLowerCase().startsWith('aws:');
}

/**
 * Throws when a resolved tag key or value breaks AWS's tag rules.
 */
export function checkTags(prop: string, tags: { [key: string]: string } | undefined): void {
  const entries = userMapEntries(prop, tags);
  if (entries.length > MAX_TAGS) {
    throw invalidInput(prop, `must have at most ${MAX_TAGS} tags, the AWS limit per resource`, `${entries.length} tags`);
  }
  for (const [key, value] of entries) {
    if (!Token.isUnresolved(key) && (key.length < 1 || characterCount(key) > 128 || isReservedForAws(key) || !TAG_CHARACTERS.test(key))) {
      throw invalidInput(`${prop} key`, "must be 1-128 characters of letters, digits, spaces and + - = . _ : / @, not starting with 'aws:'", key);
    }
    checkType(`${prop}.${key}`, value, 'string');
    if (!Token.isUnresolved(value) && (characterCount(value) > 256 || isReservedForAws(value) || !TAG_CHARACTERS.test(value))) {
      throw invalidInput(`${prop}.${key}`, "must be at most 256 characters of letters, digits, spaces and + - = . _ : / @, not starting with 'aws:'", value);
    }
  }
}

/**
 * The keys of struct `T`, as a list for `checkKnownKeys` that the compiler keeps complete: the object literal must
 * name every key of `T` (a new field that is left out does not compile) and nothing else.
 */
export function keysOf<T>(keys: { readonly [K in keyof Required<T>]: true }): readonly string[] {
  return Object.keys(keys);
}

/**
 * Throws when a struct holds a key it does not declare, which would otherwise be ignored: JavaScript callers
 * have no compiler to catch a misspelt field, and a dict from Python keeps its keys as they are. The stage's own
 * props only warn, see `warnUnknownKeys`.
 */
export function checkKnownKeys(prop: string, struct: object | undefined, known: readonly string[]): void {
  for (const key of Object.keys(struct ?? {})) {
    if (!known.includes(key)) {
      throw invalidInput(`${prop} key`, `must be one of ${known.join(', ')}${didYouMean(key, known)}`, key);
    }
  }
}

/**
 * Warns about each key of a construct's props that is not one of its props. A warning, not an error: aws-cdk-lib
 * ignores unknown props, and a JavaScript app may spread one shared object into the props of several constructs.
 */
export function warnUnknownKeys(scope: IConstruct, what: string, props: object, known: ReadonlyMap<string, unknown>): void {
  for (const key of Object.keys(props)) {
    if (!known.has(key)) {
      Annotations.of(scope).addWarningV2('cdk-websocket-stage:unknownProp',
        `${quote(key)} is not one of the ${what} and is ignored${didYouMean(key, [...known.keys()])}`);
    }
  }
}

/**
 * `: did you mean 'x'?` when a known name is close to the given one (same letters in another case, or at most two
 * edits, fewer for short names), else nothing.
 */
export function didYouMean(given: string, known: readonly string[]): string {
  const closeEnough = Math.min(2, Math.floor(given.length / 3));
  const distances = known.map((name) => ({ name, distance: editDistance(given.toLowerCase(), name.toLowerCase()) }));
  const best = distances.reduce((a, b) => (b.distance < a.distance ? b : a));
  return best.distance <= closeEnough ? `: did you mean '${best.name}'?` : '';
}

/** The Levenshtein distance: the fewest one-character insertions, deletions and substitutions from `a` to `b`. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
