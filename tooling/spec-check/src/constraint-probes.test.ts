import { describe, expect, it } from 'vitest';
import { probeRequestBody } from './constraint-probes.js';
import { requestExamples } from './request-examples.js';
import { leavesOf } from './schema-leaves.js';
import { createSpecDocument, type SpecSchema } from './spec-document.js';

const text: SpecSchema = { type: 'object', required: ['type', 'text'], properties: { type: { type: 'string', enum: ['text'] }, text: { type: 'string' } } };
const image: SpecSchema = { type: 'object', required: ['type', 'url'], properties: { type: { type: 'string', enum: ['image'] }, url: { type: 'string', minLength: 1 } } };
const spec = createSpecDocument({ paths: {}, components: { schemas: { Text: text, Image: image } } });

describe('leavesOf', () => {
  it('intersects allOf branches, so a field nullable in one branch only is not nullable', () => {
    const field: SpecSchema = { allOf: [{ anyOf: [{ type: 'integer', maximum: 20 }, { type: 'null' }] }, { type: 'integer', minimum: 0 }] };
    expect(leavesOf(spec, field)).toEqual([{ type: 'integer', schema: expect.objectContaining({ type: 'integer', minimum: 0, maximum: 20 }) }]);
  });

  it('turns nullable into its own null leaf, last', () => {
    expect(leavesOf(spec, { type: 'string', nullable: true }).map((leaf) => leaf.type)).toEqual(['string', 'null']);
  });
});

describe('probeRequestBody', () => {
  const body: SpecSchema = {
    type: 'object',
    required: ['parts'],
    properties: { parts: { type: 'array', minItems: 1, items: { oneOf: [{ $ref: '#/components/schemas/Text' }, { $ref: '#/components/schemas/Image' }] } } },
  };

  it('starts from the minimal valid body', () => {
    expect(probeRequestBody(spec, body).minimalBody).toEqual({ parts: [{ type: 'text', text: 'x' }] });
  });

  it('names nested variants by their discriminator and changes one value per probe', () => {
    const probes = probeRequestBody(spec, body).probes;
    expect(probes).toContainEqual({ field: 'parts[type=image].url', constraint: 'minLength', body: { parts: [{ type: 'image', url: '' }] } });
    expect(probes).toContainEqual({ field: 'parts[type=text].text', constraint: 'required', body: { parts: [{ type: 'text' }] } });
    expect(probes).toContainEqual({ field: 'parts', constraint: 'minItems', body: { parts: [] } });
  });

  it('finds no enum constraint on an open enum (a string next to a string enum)', () => {
    const open: SpecSchema = { type: 'object', properties: { model: { anyOf: [{ type: 'string' }, { type: 'string', enum: ['a', 'b'] }] } } };
    expect(probeRequestBody(spec, open).probes.map((probe) => `${probe.field} ${probe.constraint}`)).toEqual(['(body) type', 'model type']);
  });

  it('sets the siblings a field needs when probing it', () => {
    const paired: SpecSchema = { type: 'object', properties: { top: { type: 'integer', maximum: 5 }, on: { type: 'boolean' } } };
    const probe = probeRequestBody(spec, paired, { top: { on: true } }).probes.find((each) => each.constraint === 'maximum');
    expect(probe!.body).toEqual({ on: true, top: 6 });
  });
});

describe('requestExamples', () => {
  it('reads the -d body of a curl example and skips one that is not JSON', () => {
    const examples = requestExamples({
      'x-oaiMeta': { examples: [
        { title: 'Default', request: { curl: `curl https://x \\\n  -H "Content-Type: application/json" \\\n  -d '{\n "model": "m" }'` } },
        { title: 'Upload', request: { curl: 'curl https://x -F file=@a.jsonl' } },
      ] },
    });
    expect(examples).toEqual([{ title: 'Default', body: { model: 'm' } }, { title: 'Upload', skipped: 'the curl example sends no -d body' }]);
  });
});
