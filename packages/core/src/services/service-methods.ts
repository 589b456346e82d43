/**
 * The rule every service follows (DESIGN §3): a method that returns a promise reports every
 * failure as a rejection; a method that returns a stream or a list reports it on the first read.
 * `rejectingMethods` applies the rule once, to a whole service, so no method can forget it.
 */
import { createPagedList, type PagedList } from '../lists/pagination.js';

type AnyMethod = (...args: never[]) => unknown;

/** For methods that return a stream or a list: how to build that value around an error. */
export type FailedResults<S> = { [K in keyof S]?: S[K] extends AnyMethod ? (error: unknown) => ReturnType<S[K]> : never };

/**
 * Returns `service` with each method wrapped: a synchronous throw becomes a rejected promise,
 * or, for the methods named in `failed`, the value it builds (a stream or list that fails
 * on first read).
 *
 * @example
 * return rejectingMethods({ list, retrieve }, { list: failedList });
 */
export function rejectingMethods<S extends object>(service: S, failed: FailedResults<S> = {}): S {
  const wrapped = {} as Record<string, unknown>;
  for (const [name, method] of Object.entries(service)) {
    if (typeof method !== 'function') {
      wrapped[name] = method;
      continue;
    }
    const onError = (failed as Record<string, ((error: unknown) => unknown) | undefined>)[name];
    wrapped[name] = function guarded(this: unknown, ...args: unknown[]) {
      try {
        return method.apply(this, args);
      } catch (error) {
        return onError ? onError(error) : Promise.reject(error);
      }
    };
  }
  return wrapped as S;
}

/**
 * A list whose first read (await or `for await`) rejects with `error`.
 *
 * @example
 * rejectingMethods(service, { list: failedList });
 */
export function failedList<T>(error: unknown): PagedList<T> {
  return createPagedList<T>(() => Promise.reject(error));
}
