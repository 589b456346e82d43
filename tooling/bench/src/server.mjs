// The bench's server, in its own process so the bench process measures client CPU only.
// Every response is built once at start: the server does as little as possible per request.
import { createServer } from 'node:http';

const completion = JSON.stringify({
  id: 'chatcmpl-bench', object: 'chat.completion', created: 1767225600, model: 'gpt-4o-mini', system_fingerprint: 'fp_bench',
  choices: [{ index: 0, message: { role: 'assistant', content: 'The quick brown fox jumps over the lazy dog. '.repeat(4), refusal: null }, logprobs: null, finish_reason: 'stop' }],
  usage: { prompt_tokens: 20, completion_tokens: 40, total_tokens: 60 },
});

const CHUNKS = 2000;
const chunk = (delta, finish = null) => `data: ${JSON.stringify({ id: 'chatcmpl-bench', object: 'chat.completion.chunk', created: 1767225600, model: 'gpt-4o-mini', choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }] })}\n\n`;
const events = [chunk({ role: 'assistant', content: '' }), ...Array.from({ length: CHUNKS - 2 }, (_, index) => chunk({ content: `tok${index} ` })), chunk({}, 'stop'), 'data: [DONE]\n\n'].map((text) => Buffer.from(text));
const stream = Buffer.concat(events);
/** Events written in groups of 16, a write each: how a busy server batches tokens. */
const bursts = Array.from({ length: Math.ceil(events.length / 16) }, (_, index) => Buffer.concat(events.slice(index * 16, index * 16 + 16)));
/** 300 chunks and [DONE], one write each, 1 ms apart: a model at real speed, a wake-up per event. */
const PACED = 301;
const paced = [...events.slice(0, PACED - 2), events.at(-2), events.at(-1)];

/**
 * Sends `writes` one per turn of the event loop (`setImmediate`), or `gapMs` apart, so the
 * client receives them as separate reads rather than one coalesced block.
 */
function writeApart(response, writes, gapMs) {
  let next = 0;
  const step = () => {
    if (next === writes.length) return response.end();
    response.write(writes[next++]);
    if (gapMs) setTimeout(step, gapMs);
    else setImmediate(step);
  };
  step();
}

const vectors = Array.from({ length: 256 }, (_, row) => Float32Array.from({ length: 1536 }, (_, column) => Math.sin(row * 1536 + column)));
const embeddings = (format) => JSON.stringify({
  object: 'list', model: 'text-embedding-3-small', usage: { prompt_tokens: 1024, total_tokens: 1024 },
  data: vectors.map((vector, index) => ({ object: 'embedding', index, embedding: format === 'base64' ? Buffer.from(vector.buffer).toString('base64') : Array.from(vector) })),
});
const embeddingBodies = { base64: embeddings('base64'), float: embeddings('float') };

const server = createServer((request, response) => {
  const parts = [];
  request.on('data', (part) => parts.push(part));
  request.on('end', () => {
    const body = JSON.parse(Buffer.concat(parts).toString() || '{}');
    if (request.url.endsWith('/embeddings')) {
      response.writeHead(200, { 'content-type': 'application/json', 'x-request-id': 'req_bench' });
      return response.end(embeddingBodies[body.encoding_format === 'base64' ? 'base64' : 'float']);
    }
    if (body.stream) {
      response.writeHead(200, { 'content-type': 'text/event-stream', 'x-request-id': 'req_bench' });
      // The shape is chosen by the base URL's first segment: /v1 (one block), /bursts/v1,
      // /single/v1 (one event per write), /paced/v1 (300 events, 1 ms apart).
      if (request.url.startsWith('/bursts/')) return writeApart(response, bursts);
      if (request.url.startsWith('/single/')) return writeApart(response, events);
      if (request.url.startsWith('/paced/')) return writeApart(response, paced, 1);
      return response.end(stream);
    }
    response.writeHead(200, { 'content-type': 'application/json', 'x-request-id': 'req_bench' });
    response.end(completion);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => process.send?.({ port: server.address().port }));
process.on('disconnect', () => process.exit(0));
