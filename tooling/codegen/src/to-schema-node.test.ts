import { createSpecDocument, type SpecSchema } from '@integrations/spec-check/spec-document';
import { describe, expect, it } from 'vitest';
import { printType } from './print-type.js';
import { printZod } from './print-zod.js';
import { firstSentence, NodeBuilder } from './to-schema-node.js';

const Text: SpecSchema = { type: 'object', required: ['type', 'text'], properties: { type: { type: 'string', enum: ['text'] }, text: { type: 'string' } } };
const Image: SpecSchema = { type: 'object', required: ['type', 'url'], properties: { type: { type: 'string', enum: ['image'] }, url: { type: 'string' } } };
const spec = createSpecDocument({ paths: {}, components: { schemas: { Text, Image } } });
const node = (schema: SpecSchema) => new NodeBuilder(spec).build(schema);

describe('NodeBuilder', () => {
  it('reads a string next to a string enum as an open enum', () => {
    const model = node({ anyOf: [{ type: 'string' }, { type: 'string', enum: ['a', 'b'] }] });
    expect(printType(model)).toBe("'a' | 'b' | (string & {})");
    expect(printZod(model)).toBe('z.string()');
  });

  it('keeps a closed enum closed', () => {
    expect(printZod(node({ type: 'string', enum: ['float', 'base64'] }))).toBe("z.enum(['float', 'base64'])");
  });

  it('makes a union nullable once, whichever branch says so', () => {
    const stop = node({ nullable: true, oneOf: [{ type: 'string', nullable: true }, { type: 'array', items: { type: 'string' }, maxItems: 4 }] });
    expect(printType(stop)).toBe('string | string[] | null');
    expect(printZod(stop)).toBe('z.nullable(z.union([\n  z.string(),\n  z.array(z.string()).check(z.maxLength(4)),\n]))');
  });

  it('discriminates a union of objects by the property each fixes to one value', () => {
    const part = node({ oneOf: [{ $ref: '#/components/schemas/Text' }, { $ref: '#/components/schemas/Image' }] });
    expect(printZod(part)).toBe("z.discriminatedUnion('type', [\n  textSchema(),\n  imageSchema(),\n])");
  });

  it('merges allOf objects, required fields from every part', () => {
    const merged = node({ allOf: [{ type: 'object', required: ['a'], properties: { a: { type: 'integer', minimum: 1 } } }, { type: 'object', properties: { b: { type: 'boolean' } } }] });
    expect(printType(merged)).toBe('{\n  a: number;\n  b?: boolean;\n}');
    expect(printZod(merged)).toBe('z.looseObject({\n  a: z.int().check(z.gte(1)),\n  b: z.optional(z.boolean()),\n})');
  });
});

describe('firstSentence', () => {
  it('does not end a sentence at "e.g."', () => {
    expect(firstSentence('The city of the user, e.g. `Paris`. More text.')).toBe('The city of the user, e.g. `Paris`.');
  });
});
