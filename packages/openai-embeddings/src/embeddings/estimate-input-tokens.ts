/**
 * An upper-leaning token estimate for one embeddings input, used to keep each `embedMany`
 * request under the API's 300,000 tokens per request without a tokenizer.
 *
 * English and code in ASCII average about four characters a token, so ASCII counts a quarter
 * token a character. Outside ASCII that rule undercounts badly: a CJK character is often one to
 * three tokens, and 983,040 of them passed for 245,760 tokens. The tokenizers are byte-level
 * BPE, so a token is never shorter than one UTF-8 byte: counting each non-ASCII character's
 * UTF-8 bytes (2 to 4) is a bound the real count cannot exceed for that part of the text.
 */

/** The UTF-8 bytes of the non-ASCII characters of `text`, and how many ASCII characters it has. */
function measure(text: string): { ascii: number; otherBytes: number } {
  let ascii = 0;
  let otherBytes = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x80) ascii++;
    else if (code < 0x800) otherBytes += 2;
    // Each half of a surrogate pair counts 2: together the 4 bytes of the code point.
    else if (code >= 0xd800 && code <= 0xdfff) otherBytes += 2;
    else otherBytes += 3;
  }
  return { ascii, otherBytes };
}

/**
 * Estimated tokens of one input: token ids count exactly, text as described above.
 *
 * @example
 * estimateInputTokens('hello world!'); // 3
 * estimateInputTokens('你好'); // 6 (two 3-byte characters)
 */
export function estimateInputTokens(input: string | number[]): number {
  if (typeof input !== 'string') return input.length;
  const { ascii, otherBytes } = measure(input);
  return Math.ceil(ascii / 4) + otherBytes;
}
