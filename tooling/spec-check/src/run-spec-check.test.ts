// The judge judged: a small spec and deliberately flawed operations, to show each check catches
// what it is for (and lets through what it should).
import { createOpenAICore, lazySchema, validateParams, type ClientOptions, type LazySchema, type Operation, type OperationInput, type ParamsSchema } from '@integrations/openai-core';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { BASE_URL } from './capturing-fetch.js';
import type { RegisteredOperation } from './registries.js';
import { failuresOf, runSpecCheck } from './run-spec-check.js';
import { createSpecDocument, type SpecSchema } from './spec-document.js';

const widgetRequest: SpecSchema = {
  type: 'object',
  required: ['name'],
  properties: {
    name: { type: 'string', maxLength: 8 },
    size: { anyOf: [{ type: 'integer', minimum: 1 }, { type: 'null' }] },
    color: { anyOf: [{ type: 'string' }, { type: 'string', enum: ['red', 'blue'] }] },
    shape: { type: 'string', enum: ['round', 'square'] },
  },
};
const spec = createSpecDocument({
  paths: {
    '/widgets/{widget_id}': {
      post: {
        operationId: 'createWidget',
        parameters: [{ in: 'path', name: 'widget_id', required: true, schema: { type: 'string', example: 'w-1' } }],
        requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/CreateWidgetRequest' } } } },
        'x-oaiMeta': { examples: { request: { curl: `curl https://api.example/v1/widgets/w-1 -d '{ "name": "bolt", "shape": "round" }'` } } },
      },
    },
  },
  components: { schemas: { CreateWidgetRequest: widgetRequest } },
});

const strictSchema = lazySchema(() => z.looseObject({
  name: z.string().check(z.maxLength(8)),
  size: z.optional(z.nullable(z.int().check(z.gte(1)))),
  color: z.optional(z.string()),
  shape: z.optional(z.enum(['round', 'square'])),
}));
const laxSchema = lazySchema(() => z.looseObject({ name: z.string().check(z.maxLength(8)), size: z.optional(z.nullable(z.int())), color: z.optional(z.string()), shape: z.optional(z.string()) }));

type Call = (options: ClientOptions, input: OperationInput) => Promise<unknown>;
function widgetOperation(schema: LazySchema<ParamsSchema>, call?: Call, operationId = 'createWidget'): RegisteredOperation {
  const operation = { operationId, method: 'POST', path: '/widgets/{widget_id}', requestBody: 'json', requestSchema: schema } as unknown as Operation<never>;
  const viaCore: Call = (options, { pathParams, body }) => createOpenAICore(options).post(operation.path, { body, schema, pathParams });
  return { packageName: 'test', operation, call: call ?? viaCore };
}

describe('runSpecCheck', () => {
  it('passes an operation whose schema enforces every constraint, treating an open enum as none', async () => {
    const report = await runSpecCheck(spec, [widgetOperation(strictSchema)], []);
    expect(failuresOf(report)).toEqual([]);
    expect(report.operations[0]!.outcomes.map((outcome) => `${outcome.field} ${outcome.constraint}`)).not.toContain('color enum');
    expect(report.operations[0]!.constraints!.examples).toEqual([{ title: 'example 1', accepted: true }]);
  });

  it('reports each constraint the schema misses as unenforced', async () => {
    const report = await runSpecCheck(spec, [widgetOperation(laxSchema)], []);
    expect(failuresOf(report)).toEqual(['createWidget: size minimum is not enforced', 'createWidget: shape enum is not enforced']);
  });

  it('accepts a listed deliberate exception and fails on one that matches nothing', async () => {
    const exceptions = [
      { operationId: 'createWidget', field: 's*', constraint: 'minimum', reason: 'test' },
      { operationId: 'createWidget', field: 'shape', constraint: 'enum', reason: 'test' },
      { operationId: 'createWidget', field: 'name', constraint: 'maxLength', reason: 'stale' },
    ];
    const report = await runSpecCheck(spec, [widgetOperation(laxSchema)], exceptions);
    expect(report.operations[0]!.outcomes.filter((outcome) => outcome.status === 'deliberate')).toHaveLength(2);
    expect(failuresOf(report)).toEqual(['createWidget: deliberate exception "name maxLength" matches nothing unenforced; remove it']);
  });

  it('reports a value the spec accepts and the schema refuses', async () => {
    const tooStrict = lazySchema(() => z.looseObject({ name: z.string().check(z.maxLength(8)), size: z.optional(z.nullable(z.int().check(z.gte(5)))), color: z.optional(z.string()), shape: z.optional(z.enum(['round', 'square'])) }));
    const report = await runSpecCheck(spec, [widgetOperation(tooStrict)], []);
    expect(failuresOf(report)).toEqual(['createWidget: size accepts-valid is not enforced']);
  });

  it('reports a field the service adds that the spec does not declare', async () => {
    const leaky = widgetOperation(strictSchema, (options, { pathParams, body }) =>
      createOpenAICore(options).post('/widgets/{widget_id}', { body: { ...(body as object), debug: true }, schema: strictSchema as LazySchema<ParamsSchema>, pathParams }));
    expect(failuresOf(await runSpecCheck(spec, [leaky], []))).toEqual(['createWidget: sent fields the spec does not declare: debug']);
  });

  it('reports path parameters that are sent without being checked or encoded', async () => {
    const naive = widgetOperation(strictSchema, async (options, { pathParams, body }) => {
      validateParams(strictSchema, body);
      return options.fetch!(`${BASE_URL}/widgets/${pathParams.widget_id}`, { method: 'POST', body: JSON.stringify(body) });
    });
    const failures = failuresOf(await runSpecCheck(spec, [naive], []));
    expect(failures).toHaveLength(8); // seven unsafe ids sent, and one id with '/' and '?' left unencoded
    expect(failures).toContainEqual(expect.stringContaining('widget_id=".."'));
    expect(failures).toContainEqual(expect.stringContaining('widget_id="w-1/x?y=1": expected one request to http://127.0.0.1:9/v1/widgets/w-1%2Fx%3Fy%3D1'));
  });

  it('reports an operationId that differs from the spec', async () => {
    const failures = failuresOf(await runSpecCheck(spec, [widgetOperation(strictSchema, undefined, 'makeWidget')], []));
    expect(failures).toEqual(['makeWidget: the spec names POST /widgets/{widget_id} "createWidget", we name it "makeWidget"']);
  });
});
