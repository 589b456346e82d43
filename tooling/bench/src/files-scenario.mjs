// One files-bench scenario in a fresh process, so its peak RSS is its own: prints
// { seconds, bytes, maxRssMiB } as JSON. Usage: node files-scenario.mjs <scenario> <baseUrl> [path]
import { createReadStream, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import { createBatchesService } from '@integrations/openai-batches';
import { createFilesService } from '@integrations/openai-files';

const [scenario, baseUrl, path, variant] = process.argv.slice(2);
/**
 * `redirect-error`: what core's transport would do with `redirect: 'error'` for a streamed body.
 * With 'follow' or 'manual', fetch clones the request to be able to follow a redirect, and the
 * clone tees the body stream: the unread branch keeps every byte sent.
 */
const redirectError = (url, init) => fetch(url, init?.body instanceof ReadableStream ? { ...init, redirect: 'error' } : init);
const options = { apiKey: 'sk-bench', baseUrl, logLevel: 'off', maxRetries: 0, ...(variant === 'redirect-error' ? { fetch: redirectError } : {}) };
const started = process.hrtime.bigint();
let bytes = 0;

if (scenario === 'upload') {
  bytes = (await createFilesService(options).upload({ file: { path }, purpose: 'batch' })).bytes;
} else if (scenario === 'upload-large') {
  bytes = statSync(path).size;
  await createFilesService(options).uploads.uploadLarge({ file: { path }, purpose: 'batch' });
} else if (scenario === 'raw-post') {
  // The floor: one streaming POST of the file with fetch, nothing else.
  bytes = statSync(path).size;
  const body = Readable.toWeb(createReadStream(path, { highWaterMark: 64 * 1024 }));
  const response = await fetch(`${baseUrl}/raw`, { method: 'POST', body, duplex: 'half', headers: { 'content-type': 'application/octet-stream', 'content-length': String(bytes) } });
  await response.arrayBuffer();
} else if (scenario === 'results') {
  let count = 0;
  for await (const result of createBatchesService(options).results('batch_bench')) {
    count++;
    bytes += result.custom_id.length; // touch each result
  }
  bytes = Number(process.env.BENCH_OUTPUT_BYTES ?? 256 * 1024 ** 2);
  if (count === 0) throw new Error('no results');
} else if (scenario === 'results-floor') {
  // The floor: fetch the output and JSON.parse each line, nothing else.
  const response = await fetch(`${baseUrl}/files/file-out/content`);
  const decoder = new TextDecoder();
  let rest = '';
  for await (const chunk of response.body) {
    const lines = (rest + decoder.decode(chunk, { stream: true })).split('\n');
    rest = lines.pop();
    for (const line of lines) if (line) JSON.parse(line);
  }
  bytes = Number(process.env.BENCH_OUTPUT_BYTES ?? 256 * 1024 ** 2);
} else {
  throw new Error(`unknown scenario ${scenario}`);
}

const seconds = Number(process.hrtime.bigint() - started) / 1e9;
console.log(JSON.stringify({ seconds, bytes, maxRssMiB: process.resourceUsage().maxRSS / 1024 }));
