import { describe, expect, it } from 'vitest';
import { estimateInputTokens } from '../index.js';

describe('estimateInputTokens', () => {
  it('counts ASCII text at four characters a token, rounded up', () => {
    expect(estimateInputTokens('hello world!')).toBe(3);
    expect(estimateInputTokens('abcde')).toBe(2);
  });

  it.each([
    ['CJK', '漢字かな한글'],
    ['accented Latin', 'déjà vu, señor'],
    ['emoji outside the BMP', 'ok 👍🏽'],
  ])('never counts %s below the UTF-8 bytes of its non-ASCII characters', (_name, text) => {
    const characters = [...text];
    const nonAscii = characters.filter((character) => character.codePointAt(0)! >= 0x80).join('');
    const ascii = characters.filter((character) => character.codePointAt(0)! < 0x80).length;
    expect(estimateInputTokens(text)).toBe(Buffer.byteLength(nonAscii) + Math.ceil(ascii / 4));
  });

  it('counts token ids exactly', () => {
    expect(estimateInputTokens([1, 2, 3])).toBe(3);
  });
});
