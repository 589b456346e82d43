/**
 * The mock's chat model: scripted replies first (in order), otherwise a deterministic answer
 * derived from the request. Replies become either a chat completion or realistic stream chunks.
 */
import { exampleFromSchema } from './example-from-schema.js';

/** A reply to script: text, a refusal, tool calls, a finish reason, usage. */
export interface ScriptedReply {
  content?: string | null;
  refusal?: string;
  toolCalls?: Array<{ id?: string; name: string; arguments: string | Record<string, unknown> }>;
  finishReason?: 'stop' | 'length' | 'tool_calls' | 'content_filter';
  usage?: { prompt_tokens?: number; completion_tokens?: number };
}

/** What the chat responder knows of the request. */
interface ChatRequest {
  model?: string;
  messages?: Array<{ role?: string; content?: unknown }>;
  n?: number;
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
  response_format?: { type?: string; json_schema?: { schema?: Record<string, unknown> } };
}

function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map((part) => (part as { text?: string }).text ?? '').join(' ');
  return '';
}

/** The answer when nothing was scripted: JSON for JSON formats, otherwise an echo of the last user message. */
export function defaultReply(request: ChatRequest): ScriptedReply {
  const lastUser = [...(request.messages ?? [])].reverse().find((message) => message.role === 'user');
  const said = textOf(lastUser?.content);
  const format = request.response_format;
  if (format?.type === 'json_schema') return { content: JSON.stringify(exampleFromSchema(format.json_schema?.schema ?? {})) };
  if (format?.type === 'json_object') return { content: JSON.stringify({ echo: said }) };
  return { content: said === '' ? 'Hello from the mock OpenAI server.' : `You said: ${said}` };
}

const tokens = (text: string) => Math.max(1, Math.ceil(text.length / 4));

function toolCalls(reply: ScriptedReply, id: string) {
  return (reply.toolCalls ?? []).map((call, index) => ({
    id: call.id ?? `call_${id.slice(-6)}_${index}`,
    type: 'function' as const,
    function: { name: call.name, arguments: typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments) },
  }));
}

function usageOf(request: ChatRequest, reply: ScriptedReply, calls: ReturnType<typeof toolCalls>) {
  const prompt = reply.usage?.prompt_tokens ?? (request.messages ?? []).reduce((sum, message) => sum + tokens(textOf(message.content)) + 4, 0);
  const completion = reply.usage?.completion_tokens ?? tokens((reply.content ?? '') + (reply.refusal ?? '') + calls.map((call) => call.function.arguments).join(''));
  return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
}

function finishReason(reply: ScriptedReply): string {
  return reply.finishReason ?? (reply.toolCalls?.length ? 'tool_calls' : 'stop');
}

/** A whole `chat.completion` object. */
export function completionFor(request: ChatRequest, reply: ScriptedReply, id: string, created: number) {
  const calls = toolCalls(reply, id);
  const message = {
    role: 'assistant' as const,
    content: reply.refusal ? null : (reply.content ?? null),
    refusal: reply.refusal ?? null,
    ...(calls.length ? { tool_calls: calls } : {}),
    annotations: [],
  };
  return {
    id, object: 'chat.completion', created, model: request.model ?? 'gpt-4o-mini', system_fingerprint: 'fp_mock',
    choices: Array.from({ length: request.n ?? 1 }, (_, index) => ({ index, message, logprobs: null, finish_reason: finishReason(reply) })),
    usage: usageOf(request, reply, calls),
    service_tier: 'default',
  };
}

/** Splits text into word-sized pieces, as a model streams it. */
function pieces(text: string): string[] {
  return text.match(/\S+\s*|\s+/g) ?? [];
}

/** The `chat.completion.chunk` objects of a streamed reply (usage last when asked for). */
export function chunksFor(request: ChatRequest, reply: ScriptedReply, id: string, created: number): unknown[] {
  const base = { id, object: 'chat.completion.chunk', created, model: request.model ?? 'gpt-4o-mini', system_fingerprint: 'fp_mock' };
  const chunk = (delta: Record<string, unknown>, finish: string | null = null) => ({ ...base, choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }] });
  const calls = toolCalls(reply, id);
  const chunks: unknown[] = [chunk({ role: 'assistant', content: reply.refusal || calls.length ? null : '', refusal: null })];
  if (reply.refusal) for (const piece of pieces(reply.refusal)) chunks.push(chunk({ refusal: piece }));
  else if (reply.content) for (const piece of pieces(reply.content)) chunks.push(chunk({ content: piece }));
  calls.forEach((call, index) => {
    chunks.push(chunk({ tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.function.name, arguments: '' } }] }));
    const args = call.function.arguments;
    const step = Math.max(1, Math.ceil(args.length / 3));
    for (let offset = 0; offset < args.length; offset += step) {
      chunks.push(chunk({ tool_calls: [{ index, function: { arguments: args.slice(offset, offset + step) } }] }));
    }
  });
  chunks.push(chunk({}, finishReason(reply)));
  if (request.stream_options?.include_usage) chunks.push({ ...base, choices: [], usage: usageOf(request, reply, calls) });
  return chunks;
}
