import { describe, expect, it } from 'vitest';
import { contentTypeFor } from './upload-source.js';

describe('contentTypeFor', () => {
  it.each([
    ['train.jsonl', 'application/jsonl'],
    ['PHOTO.JPG', 'image/jpeg'],
    ['speech.mp3', 'audio/mpeg'],
    ['archive.tar.gz', 'application/octet-stream'],
    ['no-extension', 'application/octet-stream'],
  ])('gives %s the type %s', (name, type) => {
    expect(contentTypeFor(name)).toBe(type);
  });

  it.each(['x.constructor', 'x.toString', 'x.__proto__', 'x.hasOwnProperty'])('treats %s as an unknown extension, not an Object.prototype member', (name) => {
    expect(contentTypeFor(name)).toBe('application/octet-stream');
  });
});
