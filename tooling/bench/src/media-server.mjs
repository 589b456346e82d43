// The media bench's server, in its own process so the bench's memory and CPU are the client's.
// POST /v1/audio/speech streams `bytes` (from the JSON body; default 1 MiB) of WAV-like audio
// with backpressure; POST /v1/images/edits drains the upload and answers a tiny JSON.
import { createServer } from 'node:http';

const CHUNK = Buffer.alloc(64 * 1024, 0x11);
const HEADER = Buffer.from('RIFF\u0000\u0000\u0000\u0000WAVEfmt ');
const EDIT_ANSWER = JSON.stringify({ created: 1767225600, data: [{ b64_json: 'iVBORw0KGgo=' }] });

function speech(response, bytes) {
  response.writeHead(200, { 'content-type': 'audio/wav', 'x-request-id': 'req_bench' });
  response.flushHeaders();
  response.write(HEADER);
  let left = bytes - HEADER.byteLength;
  const pump = () => {
    while (left > 0) {
      const piece = left >= CHUNK.byteLength ? CHUNK : CHUNK.subarray(0, left);
      left -= piece.byteLength;
      if (!response.write(piece)) return void response.once('drain', pump);
    }
    response.end();
  };
  pump();
}

const server = createServer((request, response) => {
  if (request.url.endsWith('/images/edits')) {
    let received = 0;
    request.on('data', (part) => (received += part.byteLength));
    request.on('end', () => {
      response.writeHead(200, { 'content-type': 'application/json', 'x-request-id': 'req_bench', 'x-received-bytes': String(received) });
      response.end(EDIT_ANSWER);
    });
    return;
  }
  const parts = [];
  request.on('data', (part) => parts.push(part));
  request.on('end', () => {
    const body = JSON.parse(Buffer.concat(parts).toString() || '{}');
    speech(response, Number(body.bench_bytes ?? 1024 * 1024));
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => process.send?.({ port: server.address().port }));
process.on('disconnect', () => process.exit(0));
