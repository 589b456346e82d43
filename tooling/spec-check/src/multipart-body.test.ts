// Multipart bodies as the checks see them: file fields found in the spec, probe strings handed to
// the service as files, and a captured multipart body read back into fields.
import { describe, expect, it } from 'vitest';
import { binaryFields, readMultipart, withFiles } from './multipart-body.js';
import { createSpecDocument, type SpecSchema } from './spec-document.js';

const binary = { type: 'string', format: 'binary' } as SpecSchema;
const uploadRequest: SpecSchema = {
  type: 'object',
  required: ['file', 'purpose'],
  properties: {
    file: binary,
    images: { anyOf: [binary, { type: 'array', items: binary }] },
    purpose: { type: 'string', enum: ['batch'] },
  },
};
const spec = createSpecDocument({ paths: {}, components: { schemas: {} } });

describe('multipart bodies in the spec check', () => {
  it('finds the file fields, single or listed', () => {
    expect(binaryFields(spec, uploadRequest)).toEqual(new Set(['file', 'images']));
    expect(binaryFields(spec, { type: 'object', properties: { parts: { type: 'array', items: binary } } })).toEqual(new Set(['parts']));
  });

  it('hands probe strings to the service as files, leaving other values and fields alone', async () => {
    const body = withFiles({ file: 'abc', images: ['x', 'y'], purpose: 'batch' }, binaryFields(spec, uploadRequest)) as Record<string, unknown>;
    expect(body.file).toBeInstanceOf(File);
    expect(await (body.file as File).text()).toBe('abc');
    expect((body.images as File[]).map((item) => item instanceof File)).toEqual([true, true]);
    expect(body.purpose).toBe('batch');
    expect(withFiles({ file: 7 }, binaryFields(spec, uploadRequest))).toEqual({ file: 7 });
  });

  it('reads a multipart body back into fields, a file as its text', async () => {
    const form = new FormData();
    form.append('file', new File(['abc'], 'a.bin'));
    form.append('purpose', 'batch');
    form.append('images[]', new File(['x'], 'x.png'));
    form.append('images[]', new File(['y'], 'y.png'));
    const request = new Request('http://x', { method: 'POST', body: form });
    expect(await readMultipart(request.body, request.headers.get('content-type'))).toEqual({ file: 'abc', purpose: 'batch', images: ['x', 'y'] });
    expect(await readMultipart('{"a":1}', 'application/json')).toBeUndefined();
  });
});
