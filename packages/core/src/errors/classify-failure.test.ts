import { afterEach, describe, expect, it, vi } from 'vitest';
import { classifyFailure } from './classify-failure.js';
import { NetworkError, RequestError } from './errors.js';

/** What Node's built-in fetch throws when its own undici timer fires. */
function undiciFailure(code: string): TypeError {
  return new TypeError('fetch failed', { cause: Object.assign(new Error('Headers Timeout Error'), { code }) });
}

/** An error carrying `code` `depth` levels down its `cause` chain (0: on the error itself). */
function codeAtDepth(code: string, depth: number): Error {
  let error: Error = Object.assign(new Error('innermost'), { code });
  for (let level = 0; level < depth; level++) error = new Error(`level ${level}`, { cause: error });
  return error;
}

function aborted(reason?: unknown): AbortSignal {
  const controller = new AbortController();
  controller.abort(reason);
  return controller.signal;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('classifyFailure', () => {
  it.each(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT'])('reports undici %s as a timeout, not a connection failure', (code) => {
    const error = classifyFailure(undiciFailure(code), { phase: 'send', host: 'api.example' });
    expect(error).toMatchObject({ category: 'network', kind: 'timeout', timeoutKind: 'request', retryable: true });
    expect(error.message).toContain(code);
  });

  it('still reports a refused connection as connection_failed', () => {
    expect(classifyFailure(undiciFailure('ECONNREFUSED'), { phase: 'send' })).toMatchObject({ kind: 'connection_failed' });
  });

  it('names the host and the code when undici gives up before our timeout', () => {
    const error = classifyFailure(undiciFailure('UND_ERR_BODY_TIMEOUT'), { phase: 'body', host: 'api.example' });
    expect(error.message).toMatch(/^The transport's own timeout fired to api\.example \(UND_ERR_BODY_TIMEOUT\) before ours/);
    expect(error.cause).toBeInstanceOf(TypeError);
  });

  it('reports undici giving up mid-stream as a timeout, not a cut stream', () => {
    expect(classifyFailure(undiciFailure('UND_ERR_BODY_TIMEOUT'), { phase: 'stream' })).toMatchObject({ kind: 'timeout' });
  });

  it('passes an error that is already typed through unchanged', () => {
    const typed = new NetworkError({ kind: 'connection_reset', message: 'already classified' });
    expect(classifyFailure(typed, { phase: 'send', callerSignal: aborted() })).toBe(typed);
  });
});

describe('classifyFailure: aborts and our own timeout', () => {
  it('reports the caller aborting as aborted, keeping the reason as the cause', () => {
    const error = classifyFailure(new Error('The operation was aborted'), { phase: 'send', callerSignal: aborted('user left') });
    expect(RequestError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ kind: 'aborted', message: 'Request was aborted by the caller.' });
    expect(error.cause).toBe('user left');
  });

  it('prefers the caller abort over our timeout when both fired', () => {
    const error = classifyFailure(new Error('aborted'), { phase: 'send', callerSignal: aborted(), timeoutSignal: aborted(), timeoutMs: 5 });
    expect(error.kind).toBe('aborted');
  });

  it('ignores a caller signal that did not abort', () => {
    const error = classifyFailure(new Error('aborted'), { phase: 'send', callerSignal: new AbortController().signal, timeoutSignal: aborted(), timeoutMs: 5 });
    expect(error.kind).toBe('timeout');
  });

  it('says our timeout fired while waiting for headers, with the configured milliseconds', () => {
    const cause = new Error('aborted');
    const error = classifyFailure(cause, { phase: 'send', timeoutSignal: aborted(), timeoutMs: 5_000 });
    expect(error).toMatchObject({ category: 'network', kind: 'timeout', timeoutKind: 'request', retryable: true });
    expect(error.message).toBe('Request timed out after 5000 ms while waiting for response headers (option "timeout").');
    expect(error.cause).toBe(cause);
  });

  it('says our timeout fired while reading the body, and "?" when the limit is unknown', () => {
    const error = classifyFailure(new Error('aborted'), { phase: 'body', timeoutSignal: aborted() });
    expect(error.message).toBe('Request timed out after ? ms while reading the response body (option "timeout").');
  });

  it('ignores a timeout signal that did not fire', () => {
    const error = classifyFailure(new Error('socket hang up'), { phase: 'send', timeoutSignal: new AbortController().signal, timeoutMs: 5 });
    expect(error.kind).toBe('connection_failed');
  });
});

describe('classifyFailure: connection failures', () => {
  it.each(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'ERR_STREAM_PREMATURE_CLOSE'])('reports %s before a response as a reset connection', (code) => {
    const error = classifyFailure(undiciFailure(code), { phase: 'send', host: 'api.example' });
    expect(error).toMatchObject({ category: 'network', kind: 'connection_reset', retryable: true });
    expect(error.message).toBe(`The connection to api.example was closed before a response arrived (${code}).`);
  });

  it('reports any failure while reading the body as a reset connection', () => {
    const error = classifyFailure(new TypeError('terminated'), { phase: 'body' });
    expect(error).toMatchObject({ kind: 'connection_reset', retryable: true });
    expect(error.message).toBe('The connection was closed while reading the response body.');
  });

  it('reports a refused connection with the host and code, retryable', () => {
    const cause = undiciFailure('ECONNREFUSED');
    const error = classifyFailure(cause, { phase: 'send', host: 'api.example' });
    expect(error).toMatchObject({ category: 'network', kind: 'connection_failed', retryable: true });
    expect(error.message).toBe('Could not connect to api.example (ECONNREFUSED).');
    expect(error.cause).toBe(cause);
  });

  it('reports a failure without any code as a plain connection failure', () => {
    expect(classifyFailure(new TypeError('fetch failed'), { phase: 'send' }).message).toBe('Could not connect.');
    expect(classifyFailure('a string was thrown', { phase: 'send' }).kind).toBe('connection_failed');
    expect(classifyFailure(null, { phase: 'send' }).kind).toBe('connection_failed');
  });

  it('finds the code in any member of an AggregateError (a failed happy-eyeballs connect)', () => {
    const members = [new Error('no code here'), Object.assign(new Error('connect ECONNRESET'), { code: 'ECONNRESET' })];
    const error = classifyFailure(new TypeError('fetch failed', { cause: new AggregateError(members) }), { phase: 'send' });
    expect(error.kind).toBe('connection_reset');
  });

  it('looks past an AggregateError whose members have no code, into its cause', () => {
    const aggregate = new AggregateError([new Error('a'), new Error('b')], 'all failed', { cause: Object.assign(new Error('x'), { code: 'EPIPE' }) });
    expect(classifyFailure(aggregate, { phase: 'send' }).kind).toBe('connection_reset');
  });

  it('skips a numeric code and keeps looking down the cause chain', () => {
    const error = Object.assign(new Error('outer'), { code: 104, cause: Object.assign(new Error('inner'), { code: 'ECONNRESET' }) });
    expect(classifyFailure(error, { phase: 'send' }).kind).toBe('connection_reset');
  });

  it('finds a code five causes deep', () => {
    expect(classifyFailure(codeAtDepth('ECONNRESET', 5), { phase: 'send' }).kind).toBe('connection_reset');
  });

  it('stops on a cause chain that loops back on itself', () => {
    const error = new Error('loop') as Error & { cause?: unknown };
    error.cause = error;
    expect(classifyFailure(error, { phase: 'send' }).message).toBe('Could not connect.');
  });

  it('stops on an AggregateError that lists itself', () => {
    const aggregate = new AggregateError([], 'loop') as AggregateError & { errors: unknown[] };
    aggregate.errors.push(aggregate);
    expect(classifyFailure(aggregate, { phase: 'send' }).kind).toBe('connection_failed');
  });

  it('adds the CORS hint only where a browser could be the cause', () => {
    expect(classifyFailure(new TypeError('Failed to fetch'), { phase: 'send' }).message).not.toMatch(/CORS/);
    vi.stubGlobal('document', {});
    expect(classifyFailure(new TypeError('Failed to fetch'), { phase: 'send' }).message).toMatch(/^Could not connect\. In a browser this is also how a CORS refusal looks/);
  });

  it('adds the CORS hint inside a web worker too', () => {
    vi.stubGlobal('WorkerGlobalScope', class {});
    expect(classifyFailure(new TypeError('Failed to fetch'), { phase: 'send' }).message).toMatch(/CORS refusal/);
  });
});

describe('classifyFailure: streams', () => {
  it('reports a stream cut off mid-way as stream_interrupted, not retryable', () => {
    const error = classifyFailure(undiciFailure('ECONNRESET'), { phase: 'stream', host: 'api.example' });
    expect(error).toMatchObject({ category: 'network', kind: 'stream_interrupted', retryable: false });
    expect(error.message).toBe('The event stream to api.example was cut off before it finished (ECONNRESET).');
  });

  it('leaves the code out of a cut stream message when there is none', () => {
    expect(classifyFailure(new TypeError('terminated'), { phase: 'stream' }).message).toBe('The event stream was cut off before it finished.');
  });
});

describe('an upload whose source cannot be read', () => {
  it('is a non-retryable upload_unreadable request error, not a connection failure', () => {
    const cause = Object.assign(new Error('The blob could not be read'), { name: 'NotReadableError' });
    const error = classifyFailure(new TypeError('fetch failed', { cause }), { phase: 'send', host: 'api.example' });
    expect(error).toMatchObject({ category: 'request', kind: 'upload_unreadable', retryable: false });
  });
});


/** An error named `name` (with `message`) `depth` causes down a `fetch failed` TypeError. */
function nestedAt(depth: number, name: string, message = 'inner'): Error {
  let error: Error = Object.assign(new Error(message), { name });
  for (let level = 0; level < depth; level++) error = new Error(`level ${level}`, { cause: error });
  return error;
}

describe('classifyFailure: uploads', () => {
  it('reports an upload source that became unreadable while sending, not retryable', () => {
    const error = classifyFailure(nestedAt(1, 'NotReadableError'), { phase: 'send', host: 'api.example' });
    expect(RequestError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ kind: 'upload_unreadable', retryable: false });
    expect(error.message).toBe("The upload's source could not be read while sending to api.example (did the file change or disappear during the upload?).");
  });

  it('finds the unreadable source five causes deep', () => {
    expect(classifyFailure(nestedAt(5, 'NotReadableError'), { phase: 'send' }).kind).toBe('upload_unreadable');
  });

  it('treats an unreadable error while reading the response as a cut connection', () => {
    expect(classifyFailure(nestedAt(1, 'NotReadableError'), { phase: 'body' }).kind).toBe('connection_reset');
  });

  it('reports a refused redirect of an upload, naming the host', () => {
    const error = classifyFailure(nestedAt(1, 'TypeError', 'unexpected redirect'), { phase: 'send', host: 'api.example' });
    expect(error).toMatchObject({ category: 'request', kind: 'redirect_refused', retryable: false });
    expect(error.message).toBe('The server at api.example answered an upload with a redirect; an upload is never re-sent to another address. Point baseUrl at the final address.');
  });

  it('words a refused redirect without a host', () => {
    expect(classifyFailure(nestedAt(5, 'TypeError', 'unexpected redirect'), { phase: 'send' }).message).toMatch(/^The server answered an upload with a redirect;/);
  });

  it('does not call a body failure that mentions a redirect a refused redirect', () => {
    expect(classifyFailure(nestedAt(1, 'TypeError', 'redirect loop'), { phase: 'body' }).kind).toBe('connection_reset');
  });
});

describe('classifyFailure: the transport timeout message', () => {
  it('points a header or body timeout at the undici transport', () => {
    expect(classifyFailure(undiciFailure('UND_ERR_HEADERS_TIMEOUT'), { phase: 'send' }).message).toBe(
      "The transport's own timeout fired (UND_ERR_HEADERS_TIMEOUT) before ours (option \"timeout\"): the fetch dispatcher's headersTimeout or bodyTimeout is shorter than \"timeout\"; raise them on the global dispatcher you installed, or use @integrations/openai-undici's transport.",
    );
  });

  it('adds no such advice to a connect timeout', () => {
    expect(classifyFailure(undiciFailure('UND_ERR_CONNECT_TIMEOUT'), { phase: 'send' }).message).toBe(
      "The transport's own timeout fired (UND_ERR_CONNECT_TIMEOUT) before ours (option \"timeout\").",
    );
  });
});
