/**
 * Leveled logging through any `console`-like object. Every line passes through `sanitize`, the
 * one choke point that redacts sensitive headers and the API key, and truncates bodies.
 */
import type { ApiKey } from '../config/api-key.js';
import { readEnv } from '../config/env.js';
import { redactHeaders } from '../config/headers.js';

/** From quietest to loudest. */
export type LogLevel = 'off' | 'error' | 'warn' | 'info' | 'debug';

/** Anything with these four methods: `console`, pino, winston, a test spy. */
export interface Logger {
  debug(message: string, data?: Record<string, unknown>): void;
  info(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
  error(message: string, data?: Record<string, unknown>): void;
}

/** The logger core uses: same methods, plus a cheap check before building expensive data. */
export interface ClientLogger extends Logger {
  isEnabled(level: Exclude<LogLevel, 'off'>): boolean;
  readonly logBodies: boolean;
}

const RANK: Record<LogLevel, number> = { off: 0, error: 1, warn: 2, info: 3, debug: 4 };
/** Bodies longer than this are cut in logs. */
export const MAX_LOGGED_BODY_CHARS = 2_000;

function isLogLevel(value: string | undefined): value is LogLevel {
  return value !== undefined && value in RANK;
}

function sanitize(value: unknown, apiKey: ApiKey, key: string | undefined, depth: number): unknown {
  if (typeof value === 'string') {
    const clean = apiKey.redactIn(value);
    return key === 'body' && clean.length > MAX_LOGGED_BODY_CHARS
      ? `${clean.slice(0, MAX_LOGGED_BODY_CHARS)}… (${clean.length} chars)`
      : clean;
  }
  if (value instanceof Headers || (key === 'headers' && typeof value === 'object' && value !== null)) {
    return redactHeaders(value as Headers | Record<string, string>, apiKey);
  }
  if (depth > 4 || typeof value !== 'object' || value === null) return value;
  if (value instanceof Error) return { name: value.name, message: apiKey.redactIn(value.message) };
  if (Array.isArray(value)) return value.map((item) => sanitize(item, apiKey, undefined, depth + 1));
  const clean: Record<string, unknown> = {};
  for (const [name, item] of Object.entries(value)) clean[name] = sanitize(item, apiKey, name, depth + 1);
  return clean;
}

/**
 * Wraps `logger` with a level filter and redaction. Level: the option, then `OPENAI_LOG`, then `warn`.
 *
 * @example
 * const log = createClientLogger({ logger: console, logLevel: 'debug', apiKey });
 * log.debug('request', { headers }); // authorization: [REDACTED]
 */
export function createClientLogger(options: {
  logger?: Logger | undefined;
  logLevel?: LogLevel | undefined;
  logBodies?: boolean;
  apiKey: ApiKey;
}): ClientLogger {
  const envLevel = readEnv('OPENAI_LOG');
  const level: LogLevel = options.logLevel ?? (isLogLevel(envLevel) ? envLevel : 'warn');
  const sink = options.logger ?? console;
  const threshold = RANK[level];
  const emit = (name: Exclude<LogLevel, 'off'>) => (message: string, data?: Record<string, unknown>) => {
    if (RANK[name] > threshold) return;
    const cleanMessage = options.apiKey.redactIn(message);
    // A logger that throws (a closed file stream, a bug in a formatter) must not change what a
    // call returns: a success would turn into that raw error, a typed failure would be lost.
    try {
      const written: unknown = data === undefined ? sink[name](cleanMessage) : sink[name](cleanMessage, sanitize(data, options.apiKey, undefined, 0) as Record<string, unknown>);
      // An async logger fails by rejecting: unhandled, that rejection would end a Node process.
      if (typeof (written as PromiseLike<unknown> | undefined)?.then === 'function') (written as Promise<unknown>).then(undefined, () => undefined);
    } catch {
      // The line is dropped; there is nowhere safer to report it.
    }
  };
  return {
    debug: emit('debug'),
    info: emit('info'),
    warn: emit('warn'),
    error: emit('error'),
    isEnabled: (name) => RANK[name] <= threshold,
    logBodies: options.logBodies ?? false,
  };
}
