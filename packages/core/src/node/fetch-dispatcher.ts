/**
 * Node-only: Node's built-in fetch (its bundled undici) stops waiting for response headers, and
 * between body chunks, after 300 s, whatever the caller's `timeout`: a 6-minute answer under the
 * default 10-minute timeout would fail at 301 s and be retried at full cost. Core enforces its own
 * limits (the per-attempt `timeout`, `streamIdleTimeout`), so requests on the global fetch go
 * through an agent of the same undici with those two transport timeouts turned off.
 *
 * Only Node's default agent is replaced: a global dispatcher the application configured (a proxy
 * agent, an agent with its own timeouts, TLS or interceptors) is used as it is. Loaded through the
 * `#fetch-dispatcher` import condition; other runtimes get the stub beside it.
 */

const GLOBAL_DISPATCHER = Symbol.for('undici.globalDispatcher.1');

type AgentClass = new (options: Record<string, unknown>) => object;

/** The decision for one global dispatcher, reused while the application keeps that one. */
let cached: { global: object; replacement: object | undefined } | undefined;
let warmUp: Promise<void> | undefined;
let warmedUp = false;

/** Node itself, not Bun or Deno (which match the `node` condition but have no undici fetch). */
const ON_NODE = (() => {
  const versions = (globalThis as { process?: { versions?: Record<string, string | undefined> } }).process?.versions;
  return versions?.node !== undefined && versions.bun === undefined && versions.deno === undefined;
})();

/** The agent's options as undici stores them (under a symbol described as `options`). */
function agentOptions(agent: object): Record<string, unknown> | undefined {
  const key = Object.getOwnPropertySymbols(agent).find((symbol) => symbol.description === 'options');
  const options = key === undefined ? undefined : (agent as Record<symbol, unknown>)[key];
  return typeof options === 'object' && options !== null ? (options as Record<string, unknown>) : undefined;
}

const AGENT_EVENTS = ['connect', 'disconnect', 'connectionError', 'drain'];

/**
 * True when `agent` looks exactly like what Node installs: an undici `Agent` built with no
 * options, its own `dispatch` (no interceptors added with `compose()`, which keeps the class
 * name), and nobody listening to its events. A plain `new Agent()` an application installs is
 * indistinguishable from it; to have it used as it is, pass `fetch` (core then adds nothing).
 */
function isDefaultAgent(agent: object): boolean {
  if (agent.constructor?.name !== 'Agent') return false;
  const options = agentOptions(agent);
  if (options === undefined) return false;
  // undici fills in `maxOrigins: Infinity` (Node 24) on its own; anything else was chosen by someone.
  if (!Object.entries(options).every(([key, value]) => value === undefined || (key === 'maxOrigins' && value === Infinity))) return false;
  const dispatch = (agent as { dispatch?: unknown }).dispatch;
  if (dispatch !== (Object.getPrototypeOf(agent) as { dispatch?: unknown } | null)?.dispatch) return false;
  const listenerCount = (agent as { listenerCount?: (event: string) => number }).listenerCount;
  return typeof listenerCount !== 'function' || AGENT_EVENTS.every((event) => listenerCount.call(agent, event) === 0);
}

function decide(global: unknown): object | undefined {
  if (typeof global !== 'object' || global === null) return undefined;
  if (cached?.global === global) return cached.replacement;
  let replacement: object | undefined;
  if (isDefaultAgent(global)) {
    const Agent = global.constructor as AgentClass;
    replacement = new Agent({ ...agentOptions(global), headersTimeout: 0, bodyTimeout: 0 });
  }
  cached = { global, replacement };
  return replacement;
}

/**
 * The dispatcher to pass as `init.dispatcher` to the global fetch, or undefined to leave fetch as
 * it is. A promise only before the first fetch of the process: Node creates its default agent
 * when fetch first runs, so this runs one `data:` fetch (no socket) to let it.
 */
export function fetchDispatcher(): object | undefined | Promise<object | undefined> {
  if (!ON_NODE) return undefined;
  const global = (globalThis as Record<symbol, unknown>)[GLOBAL_DISPATCHER];
  if (global !== undefined || warmedUp) return decide(global);
  warmUp ??= globalThis.fetch('data:,').then(
    (response) => void response.body?.cancel(),
    () => undefined,
  ).finally(() => {
    warmedUp = true;
  });
  return warmUp.then(() => decide((globalThis as Record<symbol, unknown>)[GLOBAL_DISPATCHER]));
}
