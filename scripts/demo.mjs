#!/usr/bin/env node
// `pnpm demo`: the examples arrive with the umbrella package and the testing server (issue 4).
// Until then this proves the built core loads and can talk to a loopback server.
import { createServer } from 'node:http';
import { createOpenAICore, getResponseMeta } from '@integrations/openai-core';

const server = createServer((request, response) => {
  response.writeHead(200, { 'content-type': 'application/json', 'x-request-id': 'req_demo' });
  response.end(JSON.stringify({ object: 'list', data: [{ id: 'demo-model', object: 'model', owned_by: 'demo' }] }));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address();
try {
  const core = createOpenAICore({ apiKey: 'sk-demo', baseUrl: `http://127.0.0.1:${port}/v1` });
  const models = await core.get('/models');
  console.log('core is built and working: GET /models →', models.data.map((model) => model.id).join(', '), `(request ${getResponseMeta(models).requestId})`);
  console.log('The full demo (chat, streaming, tools, embeddings, moderation, resilience) arrives with the umbrella package.');
} finally {
  server.close();
}
