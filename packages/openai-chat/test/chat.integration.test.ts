/** Chat against the real loopback mock server: real sockets, real streaming. */
import { startMockServer, type MockServer } from '@integrations/openai-testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createChatService } from '../src/index.js';
import { zodFunction, zodResponseFormat } from '../src/zod.js';

let server: MockServer;
beforeAll(async () => (server = await startMockServer()));
afterEach(() => server.reset());
afterAll(() => server.close());

const chat = () => createChatService({ apiKey: 'sk-test', baseUrl: server.baseUrl, logLevel: 'off' });
const ask = { model: 'gpt-4o-mini', messages: [{ role: 'user' as const, content: 'Weather and time in Paris?' }] };

describe('chat over a real socket', () => {
  it('assembles a streamed tool call into the final response', async () => {
    server.chat.reply({ toolCalls: [{ name: 'get_weather', arguments: { city: 'Paris', unit: 'celsius' } }, { name: 'get_time', arguments: { zone: 'Europe/Paris' } }] });
    const stream = chat().createStream({ ...ask, stream_options: { include_usage: true } });
    let chunks = 0;
    for await (const _chunk of stream) chunks++;
    const completion = await stream.finalChatCompletion();
    expect(chunks).toBeGreaterThan(6);
    expect(completion.choices[0]!.finish_reason).toBe('tool_calls');
    expect(completion.choices[0]!.message.tool_calls!.map((call) => [call.function.name, JSON.parse(call.function.arguments)])).toEqual([
      ['get_weather', { city: 'Paris', unit: 'celsius' }],
      ['get_time', { zone: 'Europe/Paris' }],
    ]);
    expect(completion.usage!.total_tokens).toBeGreaterThan(0);
  });

  it('parses a structured output with zod', async () => {
    const Weather = z.object({ city: z.string(), celsius: z.number(), conditions: z.enum(['sunny', 'rainy']) });
    const completion = await chat().parse({ ...ask, response_format: zodResponseFormat(Weather, 'weather') });
    // The mock answers a json_schema format with an example that fits the schema.
    expect(completion.choices[0]!.message.parsed).toEqual({ city: 'example', celsius: 1, conditions: 'sunny' });
  });

  it('runs two tools concurrently and feeds their results back', async () => {
    let running = 0;
    let overlapped = false;
    const slowly = async <T>(value: T) => {
      running++;
      if (running === 2) overlapped = true;
      await new Promise((resolve) => setTimeout(resolve, 50));
      running--;
      return value;
    };
    const getWeather = zodFunction({ name: 'get_weather', parameters: z.object({ city: z.string() }), function: ({ city }) => slowly({ city, celsius: 21 }) });
    const getTime = zodFunction({ name: 'get_time', parameters: z.object({ zone: z.string() }), function: ({ zone }) => slowly(`12:00 in ${zone}`) });
    server.chat.reply({ toolCalls: [{ name: 'get_weather', arguments: { city: 'Paris' } }, { name: 'get_time', arguments: { zone: 'CET' } }] }, 'It is 21°C and noon in Paris.');
    const result = await chat().runTools({ ...ask, tools: [getWeather, getTime] });
    expect(overlapped).toBe(true);
    expect(result.rounds).toBe(2);
    expect(result.completion.choices[0]!.message.content).toBe('It is 21°C and noon in Paris.');
    const second = server.requests[1]!.json as { messages: Array<{ role: string; content: unknown; tool_call_id?: string }>; tools: unknown[] };
    expect(second.messages.filter((message) => message.role === 'tool').map((message) => message.content)).toEqual(['{"city":"Paris","celsius":21}', '12:00 in CET']);
    // Each tool goes out as its JSON Schema; the implementation stays on this side.
    expect(second.tools).toEqual([
      { type: 'function', function: { name: 'get_weather', strict: true, parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'], additionalProperties: false } } },
      { type: 'function', function: { name: 'get_time', strict: true, parameters: { type: 'object', properties: { zone: { type: 'string' } }, required: ['zone'], additionalProperties: false } } },
    ]);
  });

  it('answers a 429 with a retry and completes', async () => {
    server.faults.next({ status: 429, headers: { 'retry-after-ms': '20' }, body: { error: { message: 'Rate limit', type: 'requests', code: 'rate_limit_exceeded' } } });
    const completion = await chat().create(ask);
    expect(completion.choices[0]!.message.content).toContain('Weather and time');
    expect(server.requests).toHaveLength(2);
  });
});
