import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { spool } from './spool.js';
import { spool as spoolInMemory } from './spool-unsupported.js';

const streamOf = (text: string) => new Blob([text]).stream();

describe('spooling a batch input', () => {
  it('writes it to a temp file uploaded as { path }, removed by dispose()', async () => {
    const spooled = await spool(streamOf('{"a":1}\n'), 'batch-input.jsonl');
    const { path } = spooled.file as { path: string };
    expect(path).toMatch(/openai-batch-.*batch-input\.jsonl$/);
    expect(readFileSync(path, 'utf8')).toBe('{"a":1}\n');
    await spooled.dispose();
    expect(existsSync(path)).toBe(false);
  });

  it('removes the temp file when the stream fails', async () => {
    const failing = new ReadableStream<Uint8Array>({ pull: (controller) => controller.error(new Error('broken')) });
    await expect(spool(failing, 'x.jsonl')).rejects.toThrow('broken');
  });

  it('gathers it into a named Blob where there is no file system', async () => {
    const spooled = await spoolInMemory(streamOf('{"a":1}\n'), 'batch-input.jsonl');
    const file = spooled.file as { kind: string; name: string; data: Blob };
    expect(file).toMatchObject({ kind: 'upload-file', name: 'batch-input.jsonl' });
    expect(await file.data.text()).toBe('{"a":1}\n');
  });
});
