/**
 * A `fetch` that records what a service would send and answers 200 with one JSON body shaped
 * loosely enough for every service (a list, an embedding list, a completion), so a call
 * completes and the check sees exactly the bytes that would reach the API.
 */
import type { ClientOptions } from '@integrations/openai-core';
import { readMultipart } from './multipart-body.js';

/** One request the service tried to send. */
export interface CapturedRequest {
  method: string;
  url: string;
  /** The parsed JSON body (or a multipart body's fields), or undefined when there was none. */
  json: unknown;
}

const ANSWER = JSON.stringify({
  object: 'list', id: 'x', model: 'x', created: 0, data: [], results: [], choices: [], has_more: false, deleted: true,
  usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
});

function parseBody(body: unknown): unknown {
  if (typeof body !== 'string') return undefined;
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

/** Client options whose `fetch` records into `requests` (no retries: one call, one request). */
export function capturingClient(): { options: ClientOptions; requests: CapturedRequest[] } {
  const requests: CapturedRequest[] = [];
  const fetch = async (input: string | URL | Request, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const contentType = new Headers(init?.headers).get('content-type');
    const json = (await readMultipart(init?.body, contentType)) ?? parseBody(init?.body);
    requests.push({ method: init?.method ?? 'GET', url, json });
    return new Response(ANSWER, { status: 200, headers: { 'content-type': 'application/json' } });
  };
  return { options: { apiKey: 'sk-test', baseUrl: BASE_URL, fetch: fetch as typeof globalThis.fetch, maxRetries: 0 }, requests };
}

/** An address nothing listens on: a request that escaped the capture would fail loudly. */
export const BASE_URL = 'http://127.0.0.1:9/v1';
