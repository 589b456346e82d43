import { describe, expect, it } from 'vitest';
import { estimateTokens } from './token-estimate.js';

describe('estimateTokens', () => {
  it('counts an assistant message with null content (a tool call) as its overhead only', () => {
    expect(estimateTokens({ messages: [{ role: 'assistant', content: null, tool_calls: [] }] })).toBe(4);
  });

  it('estimates nothing for a body that is not an object', () => {
    expect(estimateTokens(null)).toBe(0);
    expect(estimateTokens('text')).toBe(0);
  });

  it('counts a completions prompt, four characters a token', () => {
    expect(estimateTokens({ prompt: 'abcdefgh' })).toBe(2);
  });
});
