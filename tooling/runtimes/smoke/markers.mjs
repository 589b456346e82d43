// Message texts that make the harness's mock server misbehave on purpose. The runtime under test
// runs in another process (or a browser), so it cannot queue faults itself; the server picks the
// fault from the request content instead, which also keeps the checks independent of order.
export const MARKERS = {
  /** The server never answers: the request stays in flight until the client aborts it. */
  stall: '__smoke_stall__',
  /** The server answers 429 with a short `retry-after-ms`. */
  rateLimit: '__smoke_rate_limit__',
};

/** The `retry-after-ms` the 429 carries; the smoke checks the client read it (a CORS-exposed header). */
export const RETRY_AFTER_MS = 20;
