// Where a chat stream's CPU per event goes, layer by layer, with the network taken out: the same
// 2,000-event body (in 64 KiB reads, from memory) read by the raw floor, then by each layer a
// chat stream adds. `node tooling/bench/src/profile-stream-layers.mjs` after `pnpm build`.
import { createChatService } from '@integrations/openai-chat';
import { createOpenAICore, SseDecoder } from '@integrations/openai';
import { EVENTS, memoryFetch } from './memory-sse.mjs';
import { countRawSseEvents } from './raw-sse.mjs';

const options = { apiKey: 'sk-bench', baseUrl: 'http://127.0.0.1:9/v1', logLevel: 'off', fetch: memoryFetch };
const chat = createChatService(options);
const core = createOpenAICore(options);
const params = { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] };

/** The raw floor's loop, but handing each parsed event out through an async iterator. */
async function* rawEvents(stream) {
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const piece of stream) {
    buffer += decoder.decode(piece, { stream: true });
    let end;
    while ((end = buffer.indexOf('\n\n')) !== -1) {
      const data = buffer.slice(6, end);
      buffer = buffer.slice(end + 2);
      if (data !== '[DONE]') yield JSON.parse(data);
    }
  }
}

const layers = {
  'raw floor: split on blank lines, JSON.parse': async () => countRawSseEvents((await memoryFetch()).body),
  '+ one async iteration step per event': async () => {
    let count = 0;
    for await (const _event of rawEvents((await memoryFetch()).body)) count++;
    return count;
  },
  '+ the spec-complete decoder (SseDecoder) instead of the split': async () => {
    const decoder = new SseDecoder();
    let count = 0;
    for await (const piece of (await memoryFetch()).body) for (const event of decoder.push(piece)) if (event.data !== '[DONE]') { JSON.parse(event.data); count++; }
    return count;
  },
  'core.stream(): request pipeline, SseStream, error-event checks': async () => {
    let count = 0;
    for await (const _event of core.stream('/chat/completions', { body: params })) count++;
    return count;
  },
  'chat.createStream(): + validation, ChatCompletionStream, final completion': async () => {
    let count = 0;
    for await (const _event of chat.createStream(params)) count++;
    return count;
  },
};

async function cpuPerEvent(task, runs) {
  const before = process.cpuUsage();
  for (let index = 0; index < runs; index++) if ((await task()) !== EVENTS) throw new Error('lost events');
  const used = process.cpuUsage(before);
  return (used.user + used.system) / runs / EVENTS;
}

const names = Object.keys(layers);
for (const name of names) for (let index = 0; index < 20; index++) await layers[name]();
const samples = Object.fromEntries(names.map((name) => [name, []]));
// Interleaved rounds, the median of each: the machine's noise falls on every layer alike.
for (let round = 0; round < 7; round++) for (const name of names) samples[name].push(await cpuPerEvent(layers[name], 40));
const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
const floor = median(samples[names[0]]);
for (const name of names) {
  const value = median(samples[name]);
  console.log(`${value.toFixed(3)} µs/event  ${(value / floor).toFixed(2)}×  ${name}`);
}
