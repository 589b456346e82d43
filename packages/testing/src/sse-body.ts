/**
 * Builds SSE response bodies the way the API sends them (`data: {...}\n\n` ... `data: [DONE]`),
 * optionally cut after some events: by a connection reset, or by going silent.
 */

/** How a streamed body ends early, if at all. */
export interface StreamCut {
  afterEvents: number;
  how: 'reset' | 'stall';
}

const encoder = new TextEncoder();

function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

/**
 * An SSE response for `events` (objects become `data: JSON` lines; `{ event, data }` adds a name).
 *
 * @example
 * return sseResponse([{ id: 'c1', choices: [] }], { signal: request.signal });
 */
export function sseResponse(
  events: unknown[],
  options: { signal: AbortSignal; done?: boolean; cut?: StreamCut; intervalMs?: number; headers?: Record<string, string> },
): Response {
  const frames = events.map((event) => {
    const named = event as { event?: unknown; data?: unknown };
    return typeof named.event === 'string' && 'data' in named
      ? `event: ${named.event}\ndata: ${JSON.stringify(named.data)}\n\n`
      : `data: ${JSON.stringify(event)}\n\n`;
  });
  if (options.done !== false) frames.push('data: [DONE]\n\n');
  const cut = options.cut;
  let index = 0;
  // One frame per pull: an error must come after the frames before it were read, because an
  // errored stream discards whatever is still queued.
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (cut && index === cut.afterEvents) {
        if (cut.how === 'reset') return controller.error(new Error('mock server reset the stream'));
        // Stall: stay open and silent until the client leaves.
        return new Promise<void>((resolve) => options.signal.addEventListener('abort', () => { controller.close(); resolve(); }, { once: true }));
      }
      if (index === frames.length || options.signal.aborted) return controller.close();
      if (options.intervalMs && index > 0) await wait(options.intervalMs, options.signal);
      controller.enqueue(encoder.encode(frames[index++]!));
    },
  }, { highWaterMark: 0 });
  return new Response(stream, { status: 200, headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', ...options.headers } });
}
