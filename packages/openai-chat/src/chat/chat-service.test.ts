import { getResponseMeta, RequestError } from '@integrations/openai-core';
import { describe, expect, it, vi } from 'vitest';
import { caught, mockChat, useMockOpenAI } from '../../test/helpers.js';

const mock = useMockOpenAI();
const hello = { model: 'gpt-4o-mini', messages: [{ role: 'user' as const, content: 'Hello' }] };

describe('chat.create', () => {
  it('returns the completion with its response metadata', async () => {
    const completion = await mockChat().create(hello);
    expect(completion.choices[0]!.message.content).toBe('You said: Hello');
    expect(completion.usage!.total_tokens).toBeGreaterThan(0);
    expect(getResponseMeta(completion)).toMatchObject({ status: 200, requestId: 'req_mock_0' });
    expect(mock.requests[0]!.json).toEqual(hello);
  });

  it.each([
    ['a missing model', { messages: hello.messages }, 'model', 'is required'],
    ['temperature 5', { ...hello, temperature: 5 }, 'temperature', 'must be at most 2'],
    ['n 0', { ...hello, n: 0 }, 'n', 'must be at least 1'],
    ['an unknown role', { ...hello, messages: [{ role: 'wizard', content: 'hi' }] }, 'messages[0].role', 'must be one of'],
    ['an unknown content part', { ...hello, messages: [{ role: 'user', content: [{ type: 'video', url: 'x' }] }] }, 'messages[0].content[0].type', 'must be one of'],
    ['no messages', { ...hello, messages: [] }, 'messages', 'at least one message'],
    ['top_logprobs without logprobs', { ...hello, top_logprobs: 2 }, 'top_logprobs', 'needs logprobs'],
    ['a bad tool name', { ...hello, tools: [{ type: 'function', function: { name: 'get weather' } }] }, 'tools[0].function.name', '1-64'],
  ])('refuses %s before sending anything', async (_name, params, path, words) => {
    const error = await caught<RequestError>(() => mockChat().create(params as never));
    expect(error).toBeInstanceOf(RequestError);
    expect(error.kind).toBe('validation');
    expect(error.issues).toContainEqual({ path, message: expect.stringContaining(words) });
    expect(error.message).toContain(path);
    expect(mock.requests).toHaveLength(0);
  });

  it('sends fields the API adds later exactly as given, for callers who opt out of the closed types', async () => {
    // The types are closed (a literal with an unknown field does not compile); a variable is how
    // a caller sends a field the API added after this release.
    const message = { role: 'user' as const, content: 'x', future: true };
    const params = { ...hello, brand_new_option: { level: 3 }, messages: [message] };
    await mockChat().create(params);
    expect(mock.requests[0]!.json).toMatchObject({ brand_new_option: { level: 3 }, messages: [{ future: true }] });
  });

  it('accepts every documented part: vision, audio, files, tools, formats, logprobs, seed', async () => {
    await mockChat().create({
      model: 'gpt-4o-audio-preview',
      messages: [
        { role: 'developer', content: 'Be brief.' },
        { role: 'user', content: [{ type: 'text', text: 'What is this?' }, { type: 'image_url', image_url: { url: 'https://example.com/cat.png', detail: 'low' } }, { type: 'input_audio', input_audio: { data: 'UklGRg==', format: 'wav' } }, { type: 'file', file: { file_id: 'file-1' } }] },
        { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'look', arguments: '{}' } }] },
        { role: 'tool', tool_call_id: 'call_1', content: 'a cat' },
      ],
      modalities: ['text', 'audio'], audio: { voice: 'alloy', format: 'wav' },
      tools: [{ type: 'function', function: { name: 'look', parameters: { type: 'object', properties: {} }, strict: true } }],
      tool_choice: { type: 'function', function: { name: 'look' } }, parallel_tool_calls: true,
      response_format: { type: 'json_object' }, logprobs: true, top_logprobs: 3, seed: 42, stop: ['\n\n'],
      max_completion_tokens: 100, reasoning_effort: 'low', service_tier: 'auto', metadata: { run: 'test' },
    });
    expect(mock.requests).toHaveLength(1);
  });

  it('sends stream: true only through createStream', async () => {
    expect(await caught(() => mockChat().create({ ...hello, stream: true }))).toMatchObject({ kind: 'validation' });
  });

  it('tells the deprecation hook once about functions/function_call', async () => {
    const onDeprecation = vi.fn();
    const chat = mockChat({ hooks: { deprecation: { onDeprecation } } });
    const legacy = { ...hello, functions: [{ name: 'f', parameters: { type: 'object' } }], function_call: 'auto' as const };
    await chat.create(legacy);
    await chat.create(legacy);
    expect(onDeprecation).toHaveBeenCalledOnce();
    expect(onDeprecation.mock.calls[0]![0].message).toContain('tools');
  });

  it('raises API failures as typed errors with status and request id', async () => {
    mock.faults.next({ status: 400, body: { error: { message: 'Invalid model', type: 'invalid_request_error', code: 'model_not_found', param: 'model' } } });
    const error = await caught(() => mockChat().create(hello));
    expect(error).toMatchObject({ category: 'request', status: 400, serverCode: 'model_not_found', param: 'model', requestId: 'req_mock_0' });
  });
});
