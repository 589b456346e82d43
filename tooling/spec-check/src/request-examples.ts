/**
 * The spec's own request examples for an operation, as JSON bodies: the `-d '...'` payload of
 * each `x-oaiMeta` curl example, and any `example`/`examples` on the JSON request body. Examples
 * that are not JSON (multipart `-F`, shell variables) are returned as skipped, with the reason.
 */
import type { SpecOperation } from './spec-document.js';

/** One example body, named after its `x-oaiMeta` title. */
export interface RequestExample {
  title: string;
  body?: unknown;
  /** Why there is no body (no `-d`, or text that is not JSON). */
  skipped?: string;
}

type MetaExample = { title?: string; request?: { curl?: string } };

function curlBody(title: string, curl: string): RequestExample {
  const start = curl.search(/(?:-d|--data(?:-raw)?)\s+'/);
  if (start < 0) return { title, skipped: 'the curl example sends no -d body' };
  const open = curl.indexOf("'", start);
  const close = curl.lastIndexOf("'");
  const text = curl.slice(open + 1, close);
  try {
    return { title, body: JSON.parse(text) };
  } catch (error) {
    return { title, skipped: `the -d body is not JSON (${(error as Error).message})` };
  }
}

/** Every example request body of `operation`. */
export function requestExamples(operation: SpecOperation): RequestExample[] {
  const examples: RequestExample[] = [];
  const meta = operation['x-oaiMeta']?.examples;
  const listed: MetaExample[] = Array.isArray(meta) ? meta : meta && typeof meta === 'object' ? [meta as MetaExample] : [];
  listed.forEach((example, index) => {
    const curl = example.request?.curl;
    if (typeof curl === 'string') examples.push(curlBody(example.title ?? `example ${index + 1}`, curl));
  });
  const json = operation.requestBody?.content?.['application/json'];
  if (json?.example !== undefined) examples.push({ title: 'requestBody example', body: json.example });
  for (const [name, example] of Object.entries(json?.examples ?? {})) {
    if (example.value !== undefined) examples.push({ title: `requestBody example ${name}`, body: example.value });
  }
  return examples;
}
