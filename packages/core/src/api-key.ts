/**
 * Holds the API key in a private field so it cannot leak through `String()`,
 * `JSON.stringify`, `util.inspect`, structured logging or an error's stack.
 */

const REDACTED = '[REDACTED]';
// Node's util.inspect looks this symbol up on any object; no import of node:util is needed.
const INSPECT = Symbol.for('nodejs.util.inspect.custom');

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
    Object.freeze(this);
  }

  /** Returns the key itself. Call it only to build the `Authorization` header. */
  reveal(): string {
    return this.#value;
  }

  /** Replaces every occurrence of the key in `text` (a server message echoing it, say). */
  redactIn(text: string): string {
    return this.#value.length > 0 ? text.split(this.#value).join(REDACTED) : text;
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
