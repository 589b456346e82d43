/**
 * The operation registry: operations are frozen once declared, and a path template's `{name}`
 * parameters are read in order.
 */
import { describe, expect, it } from 'vitest';
import { defineOperations, pathParamNames } from '../index.js';

interface Models {
  retrieve(id: string): string;
}

describe('defineOperations', () => {
  it('returns the operations as given, frozen', () => {
    const invoke = (models: Models, { pathParams }: { pathParams: Record<string, string> }) => models.retrieve(pathParams.model!);
    const operations = defineOperations<Models>()({ retrieveModel: { operationId: 'retrieveModel', method: 'GET', path: '/models/{model}', invoke } });
    expect(operations.retrieveModel).toEqual({ operationId: 'retrieveModel', method: 'GET', path: '/models/{model}', invoke });
    expect(Object.isFrozen(operations)).toBe(true);
    expect(operations.retrieveModel.invoke({ retrieve: (id) => `got ${id}` }, { pathParams: { model: 'gpt-4o' } })).toBe('got gpt-4o');
  });
});

describe('pathParamNames', () => {
  it('lists every parameter in the order it appears', () => {
    expect(pathParamNames('/threads/{thread_id}/runs/{run_id}/steps/{step_id}')).toEqual(['thread_id', 'run_id', 'step_id']);
  });

  it('reads names of one character and names next to each other', () => {
    expect(pathParamNames('/a/{x}{file-id.v2}')).toEqual(['x', 'file-id.v2']);
  });

  it('finds nothing in a template without parameters or with empty braces', () => {
    expect(pathParamNames('/models')).toEqual([]);
    expect(pathParamNames('/models/{}')).toEqual([]);
  });
});
