/**
 * A cheap, conservative token estimate for the client-side TPM limiter: about four characters
 * per token for text, plus what the request may generate. Corrected from `usage` afterwards.
 */

const CHARS_PER_TOKEN = 4;
const PER_MESSAGE_OVERHEAD = 4;

function textLength(value: unknown): number {
  if (typeof value === 'string') return value.length;
  if (typeof value === 'number') return CHARS_PER_TOKEN; // a token id (embeddings input)
  if (Array.isArray(value)) return value.reduce<number>((sum, item) => sum + textLength(item), 0);
  if (typeof value === 'object' && value !== null) {
    const part = value as { text?: unknown; content?: unknown; type?: unknown };
    if (typeof part.text === 'string') return part.text.length;
    if (part.content !== undefined) return textLength(part.content);
  }
  return 0;
}

/**
 * Estimates the tokens a request body will use (prompt plus maximum output).
 *
 * @example
 * estimateTokens({ messages: [{ role: 'user', content: 'Hello there' }], max_tokens: 100 }); // ~107
 */
export function estimateTokens(body: unknown): number {
  if (typeof body !== 'object' || body === null) return 0;
  const request = body as { messages?: unknown[]; input?: unknown; prompt?: unknown; max_tokens?: number; max_completion_tokens?: number; max_output_tokens?: number; n?: number };
  let prompt = 0;
  if (Array.isArray(request.messages)) {
    for (const message of request.messages) prompt += Math.ceil(textLength(message) / CHARS_PER_TOKEN) + PER_MESSAGE_OVERHEAD;
  }
  prompt += Math.ceil((textLength(request.input) + textLength(request.prompt)) / CHARS_PER_TOKEN);
  const maxOutput = request.max_completion_tokens ?? request.max_tokens ?? request.max_output_tokens ?? 0;
  return prompt + maxOutput * (request.n ?? 1);
}
