/**
 * Outside Node, the runtime's fetch has no 300 s transport limit to lift, so requests go through
 * it as they are. Selected by the `#fetch-dispatcher` import condition wherever `node` is not one.
 */

/** Always undefined: nothing to pass to fetch. */
export function fetchDispatcher(): object | undefined | Promise<object | undefined> {
  return undefined;
}
