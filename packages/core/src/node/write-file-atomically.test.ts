import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomically } from './write-file-atomically.js';

let directory: string;
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'atomic-'));
});
afterEach(() => rm(directory, { recursive: true, force: true }));

const bytes = (text: string) => new TextEncoder().encode(text);

describe('writeFileAtomically', () => {
  it('writes bytes or a stream and returns the byte count', async () => {
    expect(await writeFileAtomically(bytes('hello'), join(directory, 'a.txt'))).toBe(5);
    expect(await writeFileAtomically(new Blob(['one ', 'two']).stream(), join(directory, 'b.txt'))).toBe(7);
    expect(await readFile(join(directory, 'b.txt'), 'utf8')).toBe('one two');
  });

  it('leaves the old file whole and no temp file behind when the stream fails midway', async () => {
    const target = join(directory, 'keep.txt');
    await writeFile(target, 'old content');
    const failing = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes('partial'));
        controller.error(new Error('connection reset'));
      },
    });
    await expect(writeFileAtomically(failing, target)).rejects.toThrow('connection reset');
    expect(await readFile(target, 'utf8')).toBe('old content');
    expect(await readdir(directory)).toEqual(['keep.txt']);
  });

  it('fails for a missing directory unless asked to create it', async () => {
    const target = join(directory, 'missing', 'deeper', 'c.txt');
    await expect(writeFileAtomically(bytes('x'), target)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await writeFileAtomically(bytes('x'), target, { createDirectory: true })).toBe(1);
    expect(await readFile(target, 'utf8')).toBe('x');
  });
});
