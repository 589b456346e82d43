// Our own per-call CPU with the network taken out: a transport that answers from memory, so
// what is measured is validation, headers, the pipeline, parsing and metadata, nothing else.
// `node [--cpu-prof] tooling/bench/src/profile-overhead.mjs`
import { createChatService } from '@integrations/openai-chat';

const completion = JSON.stringify({ id: 'chatcmpl-bench', object: 'chat.completion', created: 1, model: 'gpt-4o-mini', choices: [{ index: 0, message: { role: 'assistant', content: 'The quick brown fox. '.repeat(8), refusal: null }, logprobs: null, finish_reason: 'stop' }], usage: { prompt_tokens: 20, completion_tokens: 40, total_tokens: 60 } });
const responseHeaders = { 'content-type': 'application/json', 'x-request-id': 'req_bench', 'x-ratelimit-limit-requests': '10000', 'x-ratelimit-remaining-requests': '9999', date: 'Tue, 01 Dec 2026 08:00:00 GMT', 'openai-processing-ms': '120' };
const params = { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Tell me about foxes.' }] };
const transport = { send: async () => new Response(completion, { status: 200, headers: responseHeaders }) };
const chat = createChatService({ apiKey: 'sk-bench', baseUrl: 'http://127.0.0.1:9/v1', logLevel: 'off', transport });
// The floor: what any client must do around the same transport (serialize, build a request's
// headers, parse the answer).
const floor = async () => {
  const body = JSON.stringify(params);
  const headers = new Headers({ authorization: 'Bearer sk-bench', 'content-type': 'application/json' });
  const response = await transport.send({ url: 'http://127.0.0.1:9/v1/chat/completions', method: 'POST', headers, body });
  return response.json();
};

async function cpuPerCall(task, count) {
  for (let index = 0; index < 2000; index++) await task();
  const before = process.cpuUsage();
  for (let index = 0; index < count; index++) await task();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / count;
}
for (let round = 0; round < 3; round++) {
  const ours = await cpuPerCall(() => chat.create(params), 20_000);
  const base = await cpuPerCall(floor, 20_000);
  console.log(`ours ${ours.toFixed(1)} µs, floor ${base.toFixed(1)} µs: overhead ${(ours - base).toFixed(1)} µs per call`);
}
