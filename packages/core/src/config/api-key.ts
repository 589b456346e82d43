/**
 * Holds the API key in a private field so it cannot leak through `String()`,
 * `JSON.stringify`, `util.inspect`, structured logging or an error's stack.
 */
import { isObject } from './is-object.js';

const REDACTED = '[REDACTED]';
// Node's util.inspect looks this symbol up on any object; no import of node:util is needed.
const INSPECT = Symbol.for('nodejs.util.inspect.custom');
/** A bearer credential in free text (case-insensitive, as HTTP auth schemes are). */
const BEARER = /(\bBearer\s+)(?!\[REDACTED\])[^\s"',;]+/gi;
/** Shared by every installed copy of core, so a key made by one copy is accepted by another. */
const BRAND = Symbol.for('@integrations/openai-core/api-key');

/**
 * A secret API key that prints as `[REDACTED]` everywhere.
 *
 * @example
 * const key = new ApiKey(process.env.OPENAI_API_KEY!);
 * console.log(`${key}`); // [REDACTED]
 */
export class ApiKey {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
    Object.defineProperty(this, BRAND, { value: true });
    Object.freeze(this);
  }

  /**
   * True for a key made by any installed copy of core (`instanceof` fails across copies: a
   * CommonJS and an ESM consumer in one process load two).
   *
   * @example
   * if (ApiKey.isInstance(options.apiKey)) use(options.apiKey);
   */
  static isInstance(value: unknown): value is ApiKey {
    return isObject(value) && (value as Record<symbol, unknown>)[BRAND] === true &&
      typeof (value as ApiKey).reveal === 'function';
  }

  /** Returns the key itself. Call it only to build the `Authorization` header. */
  reveal(): string {
    return this.#value;
  }

  /**
   * Replaces every occurrence of the key in `text` (a server message echoing it, say), and any
   * `Bearer <token>`: a proxy may echo a credential in part, or one that is not this key.
   */
  redactIn(text: string): string {
    const withoutKey = this.#value.length > 0 ? text.split(this.#value).join(REDACTED) : text;
    return withoutKey.replace(BEARER, `$1${REDACTED}`);
  }

  toString(): string {
    return REDACTED;
  }

  toJSON(): string {
    return REDACTED;
  }

  [INSPECT](): string {
    return `ApiKey(${REDACTED})`;
  }

  [Symbol.toPrimitive](): string {
    return REDACTED;
  }
}

/** The placeholder printed instead of any secret. */
export const REDACTED_TEXT = REDACTED;
