// The runtime smoke: the same checks on Node, Bun, Deno, the edge runtime and Chromium. Bare
// imports resolve to the packed tarballs installed in the scratch project (or get bundled from
// there), so this exercises the packages as published. Plain ESM with web APIs only: every
// runtime loads this file as is. Checks never throw; each returns { name, ok, detail }.
import { createOpenAIClient } from '@integrations/openai';
import { createChatService } from '@integrations/openai-chat';
import { RateLimitError, RequestError, toFile } from '@integrations/openai-core';
import { createEmbeddingsService } from '@integrations/openai-embeddings';
import { MARKERS, RETRY_AFTER_MS } from './markers.mjs';

/** A check that hangs fails instead of stalling the whole matrix. */
const CHECK_TIMEOUT_MS = 10_000;
const MODEL = 'gpt-4o-mini';
const user = (content) => ({ model: MODEL, messages: [{ role: 'user', content }] });

function describeError(error) {
  if (error === null || typeof error !== 'object') return String(error);
  const extra = ['kind', 'category', 'status'].filter((key) => error[key] !== undefined).map((key) => `${key}=${error[key]}`);
  return `${error.name}: ${error.message}${extra.length ? ` (${extra.join(' ')})` : ''}`;
}

/** Runs `fn` to its outcome; a synchronous throw counts as a rejection. */
async function outcome(fn) {
  try {
    return { value: await fn() };
  } catch (error) {
    return { error };
  }
}

/** A failed expectation, told apart from an error the client threw. */
class SmokeFailure extends Error {}

function expect(condition, message) {
  if (!condition) throw new SmokeFailure(message);
}

async function check(name, fn) {
  let timer;
  const timeout = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS)));
  try {
    const detail = await Promise.race([fn(), timeout]);
    return { name, ok: true, detail: detail ?? '' };
  } catch (error) {
    return { name, ok: false, detail: error instanceof SmokeFailure ? error.message : `threw ${describeError(error)}` };
  } finally {
    clearTimeout(timer);
  }
}

/** Expects `error` to be a typed error (of `kind`, if given) whose `name` reads `name` even when minified. */
function expectTyped(error, { kind, name, is }) {
  expect(error !== undefined, 'resolved; expected a rejection');
  expect(is.isInstance(error), `not a ${name}: ${describeError(error)}`);
  expect(kind === undefined || error.kind === kind, `kind is ${error.kind}, expected ${kind}: ${error.message}`);
  expect(error.name === name, `error.name is ${JSON.stringify(error.name)}, expected ${JSON.stringify(name)} (minified class name?)`);
}

/**
 * Runs every check against the mock server at `baseUrl`.
 *
 * @example
 * const results = await runSmoke({ baseUrl: 'http://127.0.0.1:4010/v1' });
 */
export async function runSmoke({ baseUrl, log = (line) => console.log(line) }) {
  const options = { apiKey: 'sk-smoke', baseUrl, maxRetries: 0 };
  const checks = {
    'chat create': async () => {
      const completion = await createChatService(options).create(user('ping'));
      const content = completion.choices[0]?.message.content;
      expect(content === 'You said: ping', `content is ${JSON.stringify(content)}`);
      return content;
    },
    'chat stream': async () => {
      const stream = createChatService(options).createStream(user('streamed'));
      const final = await stream.finalChatCompletion();
      const content = final.choices[0]?.message.content;
      expect(content === 'You said: streamed', `final content is ${JSON.stringify(content)}`);
      return `finalChatCompletion: ${content}`;
    },
    embeddings: async () => {
      const { data } = await createEmbeddingsService(options).create({ model: 'text-embedding-3-small', input: ['a', 'b'], dimensions: 8 });
      const vector = data[0]?.embedding;
      expect(vector instanceof Float32Array, `embedding is ${Object.prototype.toString.call(vector)}, not a Float32Array`);
      expect(vector.length === 8 && data.length === 2, `got ${data.length} vectors of ${vector.length}`);
      return `2 x Float32Array(${vector.length})`;
    },
    'validation error': async () => {
      const chat = createChatService(options);
      // Record whether it throws synchronously (a caller's `.catch()` would miss that) or rejects.
      let sync = false;
      let pending;
      try {
        pending = chat.create({ model: 'x', messages: 'hi' });
      } catch (error) {
        sync = true;
        pending = Promise.reject(error);
      }
      const { error } = await outcome(() => pending);
      expectTyped(error, { kind: 'validation', name: 'RequestError', is: RequestError });
      return `kind=validation name=RequestError, ${sync ? 'thrown synchronously (should reject)' : 'rejected'}`;
    },
    abort: async () => {
      const controller = new AbortController();
      const started = outcome(() => createChatService(options).create(user(MARKERS.stall), { signal: controller.signal }));
      setTimeout(() => controller.abort(), 50);
      const { error } = await started;
      expectTyped(error, { kind: 'aborted', name: 'RequestError', is: RequestError });
      return 'kind=aborted';
    },
    'rate limit 429': async () => {
      const { error } = await outcome(() => createChatService(options).create(user(MARKERS.rateLimit)));
      expectTyped(error, { name: 'RateLimitError', is: RateLimitError });
      expect(error.status === 429 && error.category === 'rate_limit', `status ${error.status}, category ${error.category}`);
      // Both come from response headers: a browser hides them unless the server exposes them.
      expect(/^req_mock_/.test(error.requestId ?? ''), `requestId is ${error.requestId} (x-request-id not readable?)`);
      expect(error.retryAfterMs === RETRY_AFTER_MS, `retryAfterMs is ${error.retryAfterMs} (retry-after-ms not readable?)`);
      return `RateLimitError kind=${error.kind} requestId=${error.requestId} retryAfterMs=${error.retryAfterMs}`;
    },
    // The newer domains, through the umbrella: a multipart upload from bytes (no file system),
    // a download as bytes and as a web stream, an image as base64, and speech as bytes.
    'files upload and download': async () => {
      const { files } = createOpenAIClient(options);
      const bytes = new TextEncoder().encode('{"custom_id":"r1"}\n');
      const file = await files.upload({ file: toFile(bytes, 'input.jsonl'), purpose: 'batch' });
      expect(file.bytes === bytes.byteLength && file.filename === 'input.jsonl', `uploaded ${JSON.stringify(file)}`);
      const whole = new Uint8Array(await files.content(file.id));
      expect(whole.byteLength === bytes.byteLength && whole.every((byte, index) => byte === bytes[index]), `content came back as ${whole.byteLength} different bytes`);
      // A reader, not `for await`: not every browser iterates a ReadableStream.
      let streamed = 0;
      const reader = files.contentStream(file.id).getReader();
      for (let part = await reader.read(); !part.done; part = await reader.read()) streamed += part.value.byteLength;
      expect(streamed === bytes.byteLength, `contentStream gave ${streamed} bytes`);
      return `${file.id}: ${bytes.byteLength} bytes up, back whole and streamed`;
    },
    'image generate': async () => {
      const { data } = await createOpenAIClient(options).images.generate({ model: 'dall-e-2', prompt: 'a red kite', size: '256x256', response_format: 'b64_json' });
      const b64 = data?.[0]?.b64_json ?? '';
      const head = atob(b64.slice(0, 8));
      expect(head.startsWith('\x89PNG'), `b64_json does not start with a PNG signature: ${JSON.stringify(b64.slice(0, 12))}`);
      return `PNG, ${b64.length} base64 characters`;
    },
    'speech bytes': async () => {
      const audio = new Uint8Array(await createOpenAIClient(options).audio.speech({ model: 'gpt-4o-mini-tts', input: 'hello', voice: 'alloy', response_format: 'wav' }));
      const riff = String.fromCharCode(...audio.subarray(0, 4));
      expect(riff === 'RIFF' && audio.byteLength > 44, `speech is ${audio.byteLength} bytes starting ${JSON.stringify(riff)}`);
      return `WAV, ${audio.byteLength} bytes`;
    },
    'umbrella client': async () => {
      const completion = await createOpenAIClient(options).chat.create(user('umbrella'));
      const content = completion.choices[0]?.message.content;
      expect(content === 'You said: umbrella', `content is ${JSON.stringify(content)}`);
      return content;
    },
  };
  const results = [];
  for (const [name, fn] of Object.entries(checks)) {
    const result = await check(name, fn);
    log(`${result.ok ? 'PASS' : 'FAIL'} ${name}: ${result.detail}`);
    results.push(result);
  }
  return results;
}
