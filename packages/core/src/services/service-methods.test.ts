/**
 * `rejectingMethods` turns a service method's synchronous throw into a rejection, or into the
 * failed stream or list named for that method; everything else passes through untouched.
 */
import { describe, expect, it } from 'vitest';
import { failedList, rejectingMethods } from '../index.js';

const boom = new Error('boom');

describe('rejectingMethods', () => {
  it('turns a synchronous throw into a rejected promise with the same error', async () => {
    const service = rejectingMethods({
      retrieve(): Promise<string> {
        throw boom;
      },
    });
    let result: Promise<string> | undefined;
    expect(() => (result = service.retrieve())).not.toThrow();
    await expect(result).rejects.toBe(boom);
  });

  it('returns what a method returns, given the same arguments and `this`', async () => {
    const service = rejectingMethods({
      prefix: 'id-',
      join(this: { prefix: string }, a: string, b: number) {
        return `${this.prefix}${a}${b}`;
      },
      async retrieve(id: string) {
        return { id };
      },
    });
    expect(service.join('x', 2)).toBe('id-x2');
    await expect(service.retrieve('m')).resolves.toEqual({ id: 'm' });
  });

  it('keeps values that are not methods as they are', () => {
    const settings = { limit: 3 };
    const service = rejectingMethods({ name: 'files', settings, count: 0 });
    expect(service).toEqual({ name: 'files', settings, count: 0 });
    expect(service.settings).toBe(settings);
  });

  it('builds the failed value named for a method instead of rejecting', async () => {
    const seen: unknown[] = [];
    const service = rejectingMethods(
      {
        list(): string[] {
          throw boom;
        },
        retrieve(): Promise<string> {
          throw boom;
        },
      },
      {
        list: (error) => {
          seen.push(error);
          return ['failed'];
        },
      },
    );
    expect(service.list()).toEqual(['failed']);
    expect(seen).toEqual([boom]);
    await expect(service.retrieve()).rejects.toBe(boom);
  });

  it('does not touch a method that does not throw, even when a failed value is named for it', () => {
    const service = rejectingMethods({ list: () => ['ok'] }, { list: () => ['failed'] });
    expect(service.list()).toEqual(['ok']);
  });
});

describe('failedList', () => {
  it('rejects with the error when awaited', async () => {
    await expect(failedList(boom)).rejects.toBe(boom);
  });

  it('rejects with the error on the first read of its items', async () => {
    const items = failedList<string>(boom)[Symbol.asyncIterator]();
    await expect(items.next()).rejects.toBe(boom);
  });
});
