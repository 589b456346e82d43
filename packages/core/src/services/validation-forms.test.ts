/**
 * Validation takes a schema in any form (an object, a `lazySchema`, a loader returning a
 * promise or any thenable) and words its errors the same way, naming the value `params` unless
 * told otherwise.
 */
import { describe, expect, it } from 'vitest';
import { lazySchema, resolveSchema, validateParams, validateParamsAsync, type ParamsSchema } from '../index.js';
import { afterValidation } from '../internal.js';

const needsModel: ParamsSchema = {
  safeParse: (value) =>
    typeof value === 'object' && value !== null && 'model' in value
      ? { success: true, data: value }
      : { success: false, error: { issues: [{ code: 'custom', path: ['model'], message: 'must be given' }] } },
};

/** A thenable that is not a native promise, as some loaders return. */
function thenable<T>(value: T): PromiseLike<T> {
  return {
    then: <R1, R2>(onFulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null, onRejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null) =>
      Promise.resolve(value).then(onFulfilled, onRejected),
  };
}

describe('schema forms', () => {
  it('validates with a lazy schema handed straight to validateParams', () => {
    expect(() => validateParams(lazySchema(() => needsModel), {})).toThrow('Invalid params: model: must be given');
    expect(validateParams(lazySchema(() => needsModel), { model: 'm' })).toEqual({ model: 'm' });
  });

  it('turns a loader that returns a thenable into a native promise of the schema', async () => {
    const resolved = resolveSchema(() => thenable(needsModel));
    expect(resolved).toBeInstanceOf(Promise);
    await expect(resolved).resolves.toBe(needsModel);
  });

  it('returns a schema at hand as it is', () => {
    expect(resolveSchema(needsModel)).toBe(needsModel);
    expect(resolveSchema(lazySchema(() => needsModel))).toBe(needsModel);
  });

  it('validates after a thenable loader resolves', async () => {
    await expect(afterValidation(() => thenable(needsModel), {}, () => 'sent')).rejects.toThrow('Invalid params: model: must be given');
    await expect(afterValidation(() => thenable(needsModel), { model: 'm' }, () => 'sent')).resolves.toBe('sent');
  });
});

describe('the name of the value in messages', () => {
  it('is params by default, for every entry point', async () => {
    expect(() => afterValidation(needsModel, {}, () => 'sent')).toThrow('Invalid params: model: must be given');
    await expect(validateParamsAsync(needsModel, {})).rejects.toThrow('Invalid params: model: must be given');
  });

  it('is the name given', async () => {
    expect(() => afterValidation(needsModel, {}, () => 'sent', 'options')).toThrow('Invalid options: model: must be given');
    await expect(validateParamsAsync(needsModel, {}, 'body')).rejects.toThrow('Invalid body: model: must be given');
  });
});
