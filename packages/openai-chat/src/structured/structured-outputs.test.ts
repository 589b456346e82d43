import { ContentPolicyError, RequestError, ResponseError } from '@integrations/openai-core';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { caught, mockChat, useMockOpenAI } from '../../test/helpers.js';
import { zodFunction, zodResponseFormat } from '../zod.js';

const mock = useMockOpenAI();
const Event = z.object({ name: z.string(), date: z.string(), attendees: z.array(z.string()), online: z.boolean().nullable() });
const ask = { model: 'gpt-4o-mini', messages: [{ role: 'user' as const, content: 'Alice and Bob meet Friday' }] };

describe('structured outputs with zod', () => {
  it('sends zod\'s JSON Schema as a strict json_schema format', async () => {
    await mockChat().parse({ ...ask, response_format: zodResponseFormat(Event, 'event') });
    expect(mock.requests[0]!.json).toMatchObject({
      response_format: {
        type: 'json_schema',
        json_schema: {
          name: 'event', strict: true,
          schema: { type: 'object', required: ['name', 'date', 'attendees', 'online'], additionalProperties: false, properties: { attendees: { type: 'array', items: { type: 'string' } } } },
        },
      },
    });
    expect(JSON.stringify(mock.requests[0]!.json)).not.toContain('$schema');
  });

  it('parses the answer into the typed object', async () => {
    mock.chat.reply(JSON.stringify({ name: 'Sync', date: 'Friday', attendees: ['Alice', 'Bob'], online: null }));
    const completion = await mockChat().parse({ ...ask, response_format: zodResponseFormat(Event, 'event') });
    const parsed = completion.choices[0]!.message.parsed!;
    expect(parsed).toEqual({ name: 'Sync', date: 'Friday', attendees: ['Alice', 'Bob'], online: null });
    expectTypeOf(parsed.attendees).toEqualTypeOf<string[]>();
  });

  it('raises a refusal as ContentPolicyError', async () => {
    mock.chat.reply({ refusal: "I'm sorry, I can't help with that." });
    const error = await caught(() => mockChat().parse({ ...ask, response_format: zodResponseFormat(Event, 'event') }));
    expect(error).toBeInstanceOf(ContentPolicyError);
    expect(error).toMatchObject({ kind: 'refusal' });
    expect(error.message).toContain("can't help");
  });

  it('raises a cut-off answer (length) as ResponseError and a filtered one as ContentPolicyError', async () => {
    mock.chat.reply({ content: '{"name": "Sy', finishReason: 'length' }, { content: '', finishReason: 'content_filter' });
    expect(await caught(() => mockChat().parse({ ...ask, response_format: zodResponseFormat(Event, 'event') }))).toMatchObject({ category: 'response', kind: 'output_truncated' });
    expect(await caught(() => mockChat().parse({ ...ask, response_format: zodResponseFormat(Event, 'event') }))).toMatchObject({ category: 'content_policy', kind: 'content_filtered' });
  });

  it('raises an answer that does not match the schema as ResponseError with the issues', async () => {
    mock.chat.reply(JSON.stringify({ name: 'Sync', date: 5 }));
    const error = await caught<ResponseError>(() => mockChat().parse({ ...ask, response_format: zodResponseFormat(Event, 'event') }));
    expect(error).toMatchObject({ kind: 'invalid_response' });
    expect(error.issues!.map((issue) => issue.path)).toContain('date');
  });

  it('refuses, before sending, a schema that strict mode would reject', async () => {
    const error = await caught<RequestError>(() => zodResponseFormat(z.looseObject({ note: z.string() }), 'x'));
    expect(error).toBeInstanceOf(RequestError);
    expect(error.message).toContain('allows extra properties');
    expect(zodResponseFormat(z.looseObject({ note: z.string() }), 'x', { strict: false }).json_schema.strict).toBe(false);
  });

  it('parses the arguments of zodFunction tool calls', async () => {
    const getWeather = zodFunction({ name: 'get_weather', parameters: z.object({ city: z.string(), unit: z.enum(['c', 'f']) }) });
    mock.chat.reply({ toolCalls: [{ name: 'get_weather', arguments: { city: 'Paris', unit: 'c' } }] });
    const completion = await mockChat().parse({ ...ask, tools: [getWeather] });
    expect(completion.choices[0]!.message.tool_calls![0]!.parsed_arguments).toEqual({ city: 'Paris', unit: 'c' });
    expect(mock.requests[0]!.json).toMatchObject({ tools: [{ type: 'function', function: { name: 'get_weather', strict: true, parameters: { required: ['city', 'unit'] } } }] });
  });
});
