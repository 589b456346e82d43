// The files bench's server, in its own process: it drains uploads without keeping them (so the
// client's memory is what is measured) and streams a generated batch output of a given size.
import { createServer } from 'node:http';

const OUTPUT_BYTES = Number(process.env.BENCH_OUTPUT_BYTES ?? 256 * 1024 ** 2);
const completion = { id: 'chatcmpl-bench', object: 'chat.completion', created: 1767225600, model: 'gpt-4o-mini', choices: [{ index: 0, message: { role: 'assistant', content: 'The quick brown fox jumps over the lazy dog.', refusal: null }, logprobs: null, finish_reason: 'stop' }], usage: { prompt_tokens: 20, completion_tokens: 10, total_tokens: 30 } };
const line = (index) => `${JSON.stringify({ id: `batch_req_${index}`, custom_id: `request-${index}`, response: { status_code: 200, request_id: `req_${index}`, body: completion }, error: null })}\n`;
const json = (response, body) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
const file = (id, bytes) => ({ id, object: 'file', bytes, created_at: 1, filename: 'bench.bin', purpose: 'batch', status: 'processed' });

async function drain(request) {
  let bytes = 0;
  for await (const chunk of request) bytes += chunk.byteLength;
  return bytes;
}

/** 4 MiB of result lines, built once: the server only copies it out, so the client sets the pace. */
const block = (() => {
  let text = '';
  for (let index = 0; text.length < 4 * 1024 * 1024; index++) text += line(index);
  return Buffer.from(text);
})();

/** Writes the output file, `block` after `block` (the last one cut at a line end), waiting for the socket to drain. */
async function sendOutput(response) {
  response.writeHead(200, { 'content-type': 'application/octet-stream' });
  for (let sent = 0; sent < OUTPUT_BYTES;) {
    const remaining = OUTPUT_BYTES - sent;
    const piece = remaining >= block.byteLength ? block : block.subarray(0, block.lastIndexOf(10, remaining - 1) + 1);
    if (piece.byteLength === 0) break;
    sent += piece.byteLength;
    if (!response.write(piece)) await new Promise((resolve) => response.once('drain', resolve));
  }
  response.end();
}

const server = createServer(async (request, response) => {
  const url = request.url ?? '';
  if (request.method === 'GET' && url === '/v1/batches/batch_bench') {
    return json(response, { id: 'batch_bench', object: 'batch', endpoint: '/v1/chat/completions', status: 'completed', input_file_id: 'file-in', completion_window: '24h', created_at: 1, output_file_id: 'file-out', error_file_id: null });
  }
  if (request.method === 'GET' && url === '/v1/files/file-out/content') return sendOutput(response);
  if (url === '/v1/uploads') {
    const body = JSON.parse(Buffer.concat(await request.toArray()).toString());
    return json(response, { id: 'upload_bench', object: 'upload', status: 'pending', bytes: body.bytes, filename: body.filename, purpose: body.purpose, created_at: 1, expires_at: 3601 });
  }
  const bytes = await drain(request);
  if (/\/parts$/.test(url)) return json(response, { id: `part_${Math.random().toString(36).slice(2)}`, object: 'upload.part', created_at: 1, upload_id: 'upload_bench' });
  if (/\/complete$/.test(url)) return json(response, { id: 'upload_bench', object: 'upload', status: 'completed', bytes: 0, filename: 'bench.bin', purpose: 'batch', created_at: 1, expires_at: 3601, file: file('file-large', 0) });
  json(response, file('file-bench', bytes));
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => process.send?.({ port: server.address().port }));
process.on('disconnect', () => process.exit(0));
