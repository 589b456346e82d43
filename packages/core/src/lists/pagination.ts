/**
 * Cursor pagination. `await list` gives the first page; `for await (const item of list)` walks
 * every item of every page, fetching the next page only when the previous one is used up.
 */
import { ResponseError } from '../errors/errors.js';

/** A page as the API returns it (`object: "list"`, `data`, `has_more`, `first_id`, `last_id`). */
export interface CursorPage<T> {
  object?: string;
  data: T[];
  has_more?: boolean;
  first_id?: string | null;
  last_id?: string | null;
}

/** Fetches one page; `after` is undefined for the first. */
export type PageFetcher<T> = (after: string | undefined) => Promise<CursorPage<T>>;

/**
 * A list result: awaitable (first page) and async-iterable (every item).
 * Not a Promise subclass: a plain object with `then` and `Symbol.asyncIterator`.
 */
export interface PagedList<T> extends PromiseLike<CursorPage<T>>, AsyncIterable<T> {
  /** Every page in turn, starting with the first. */
  pages(): AsyncIterable<CursorPage<T>>;
}

function nextCursor<T>(page: CursorPage<T>): string | undefined {
  if (page.has_more !== true || page.data.length === 0) return undefined;
  if (typeof page.last_id === 'string' && page.last_id !== '') return page.last_id;
  const last = page.data[page.data.length - 1] as { id?: unknown } | undefined;
  return typeof last?.id === 'string' ? last.id : undefined;
}

/**
 * Builds a paged list over `fetchPage`. The first page is fetched on first use, once.
 *
 * @example
 * const jobs = createPagedList((after) => core.get('/fine_tuning/jobs', { query: { after, limit: 20 } }));
 * const first = await jobs;               // one page
 * for await (const job of jobs) use(job); // every job
 */
export function createPagedList<T>(fetchPage: PageFetcher<T>): PagedList<T> {
  let firstPage: Promise<CursorPage<T>> | undefined;
  const first = () => (firstPage ??= fetchPage(undefined));

  async function* pages(): AsyncGenerator<CursorPage<T>> {
    let page = await first();
    const seen = new Set<string>();
    for (;;) {
      yield page;
      const cursor = nextCursor(page);
      if (cursor === undefined) return;
      if (seen.has(cursor)) {
        throw new ResponseError({ kind: 'invalid_response', message: `Pagination did not advance: the cursor ${JSON.stringify(cursor)} came back twice.` });
      }
      seen.add(cursor);
      page = await fetchPage(cursor);
    }
  }

  return {
    then(onFulfilled, onRejected) {
      return first().then(onFulfilled, onRejected);
    },
    pages,
    async *[Symbol.asyncIterator]() {
      for await (const page of pages()) yield* page.data;
    },
  };
}
