import { Token } from 'aws-cdk-lib/core';

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
    pattern: /^[\s\S]{0,1024}$/,
    rule: 'must be at most 1024 characters',
  },
  routeKey: {
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
  const text = typeof value === 'string' ? value : String(value);
  if (text.length <= QUOTE_LIMIT) {
    return `'${text}'`;
  }
  return `'${text.slice(0, QUOTE_LIMIT)}…' (${text.length} characters)`;
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
  if (value === undefined || Token.isUnresolved(value)) {
    return;
  }
  if (!rule.pattern.test(value)) {
    throw invalidInput(prop, rule.rule, value);
  }
}

/** What a numeric input must be. */
export interface NumberRule {
  /** Whether the value must be a whole number. */
  readonly integer: boolean;
  /** The smallest value allowed. */
  readonly min: number;
}

/**
 * Throws when a resolved number breaks its rule. Unresolved tokens and absent values pass.
 */
export function checkNumber(prop: string, value: number | undefined, rule: NumberRule): void {
  if (value === undefined || Token.isUnresolved(value)) {
    return;
  }
  const kind = rule.integer ? 'an integer' : 'a number';
  const ok = rule.integer ? Number.isInteger(value) : Number.isFinite(value);
  if (!ok || value < rule.min) {
    throw invalidInput(prop, `must be ${kind} >= ${rule.min}`, value);
  }
}

/**
 * Throws when a resolved stage name is not a valid WebSocket stage name.
 *
 * `$default` is refused on its own terms: it is the catch-all stage of HTTP APIs, served at the API's
 * root. WebSocket clients always connect to `wss://{api}/{stage}`, so a WebSocket stage needs a real name.
 */
export function checkStageName(prop: string, value: string): void {
  if (value === '$default') {
    throw invalidInput(prop, "must name a stage: '$default' is the HTTP API catch-all stage and WebSocket APIs have none", value);
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
 * The entries of a user-keyed map prop, after checking its keys (`keyProp` names them in errors, for example
 * `tags key`). A `__proto__` key written in an object literal
 * (or arriving from another language through jsii) is not an entry but the object's prototype, so that is
 * refused too, rather than the entry vanishing.
 */
export function userMapEntries<T>(keyProp: string, map: { [key: string]: T } | undefined): [string, T][] {
  if (map === undefined) {
    return [];
  }
  const prototype: unknown = Object.getPrototypeOf(map);
  if (prototype !== Object.prototype && prototype !== null) {
    checkMapKey(keyProp, PROTOTYPE_KEY);
  }
  const entries = Object.entries(map);
  entries.forEach(([key]) => checkMapKey(keyProp, key));
  return entries;
}

/** AWS tag rules: keys 1-128 characters not starting with `aws:`, values up to 256, of letters, digits, spaces and + - = . _ : / @. */
const TAG_CHARACTERS = /^[\p{L}\p{Z}\p{N}+\-=._:/@]*$/u;

/**
 * Throws when a resolved tag key or value breaks AWS's tag rules.
 */
export function checkTags(prop: string, tags: { [key: string]: string } | undefined): void {
  for (const [key, value] of userMapEntries(`${prop} key`, tags)) {
    if (!Token.isUnresolved(key) && (key.length < 1 || key.length > 128 || key.startsWith('aws:') || !TAG_CHARACTERS.test(key))) {
      throw invalidInput(`${prop} key`, "must be 1-128 characters of letters, digits, spaces and + - = . _ : / @, not starting with 'aws:'", key);
    }
    if (!Token.isUnresolved(value) && (value.length > 256 || !TAG_CHARACTERS.test(value))) {
      throw invalidInput(`${prop}.${key}`, 'must be at most 256 characters of letters, digits, spaces and + - = . _ : / @', value);
    }
  }
}

/**
 * Throws when a struct holds a key it does not declare, which would otherwise be ignored: JavaScript callers
 * have no compiler to catch a misspelt field.
 */
export function checkKnownKeys(prop: string, struct: object | undefined, known: readonly string[]): void {
  for (const key of Object.keys(struct ?? {})) {
    if (!known.includes(key)) {
      throw invalidInput(`${prop} key`, `must be one of ${known.join(', ')}`, key);
    }
  }
}
