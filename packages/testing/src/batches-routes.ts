/**
 * The mock's `/batches` routes. A batch moves through `validating → in_progress → finalizing →
 * completed` on the mock's clock (`batchStepMs` per step; 0 completes it at the first retrieve),
 * its request counts growing while in progress; then its output and error files are stored.
 * A bad input file fails it at validation; a cancel goes `cancelling → cancelled`.
 */
import { answerBatchInput, BATCH_ENDPOINTS } from './batch-answers.js';
import type { FileStore, MockBatch } from './file-store.js';
import { badRequest, jsonAnswer, notFound, nowSeconds } from './mock-json.js';
import type { RecordedRequest } from './recorded-request.js';

const TERMINAL = new Set(['completed', 'failed', 'expired', 'cancelled']);
const decoder = new TextDecoder();

function createBatch(store: FileStore, body: Record<string, unknown>, requestId: string): Response {
  const { input_file_id: inputFileId, endpoint, completion_window: window } = body;
  if (typeof endpoint !== 'string' || !BATCH_ENDPOINTS.has(endpoint)) return badRequest(`'endpoint' must be one of ${[...BATCH_ENDPOINTS].join(', ')}`, requestId, 'endpoint');
  if (window !== '24h') return badRequest("'completion_window' must be '24h'", requestId, 'completion_window');
  const input = typeof inputFileId === 'string' ? store.files.get(inputFileId) : undefined;
  if (!input) return badRequest(`No such input file: '${String(inputFileId)}'`, requestId, 'input_file_id');
  if (input.object.purpose !== 'batch') return badRequest("The input file must be uploaded with purpose 'batch'", requestId, 'input_file_id');
  const { output, errors, problems } = answerBatchInput(decoder.decode(input.content), endpoint, store.nextId);
  const created = nowSeconds();
  const object = {
    id: store.nextId('batch_mock'), object: 'batch', endpoint, errors: problems.length ? { object: 'list', data: problems } : null,
    input_file_id: inputFileId, completion_window: '24h', status: 'validating', output_file_id: null, error_file_id: null,
    created_at: created, in_progress_at: null, expires_at: created + 86_400, finalizing_at: null, completed_at: null,
    failed_at: null, expired_at: null, cancelling_at: null, cancelled_at: null,
    request_counts: { total: problems.length ? 0 : output.length + errors.length, completed: 0, failed: 0 },
    metadata: body.metadata ?? null,
  };
  const batch: MockBatch = { object, startedMs: Date.now(), output, errors };
  store.batches.set(object.id, batch);
  return jsonAnswer({ ...object }, requestId);
}

function storeLines(store: FileStore, lines: string[], batchId: string, kind: string): string | null {
  if (lines.length === 0) return null;
  return store.add(`${lines.join('\n')}\n`, { filename: `${batchId}_${kind}.jsonl`, purpose: 'batch_output' }).id;
}

/** Brings a batch up to date with the clock, writing its files once it completes. */
function advance(store: FileStore, batch: MockBatch, stepMs: number): void {
  const { object } = batch;
  if (TERMINAL.has(object.status)) return;
  const now = Date.now();
  const stamp = () => nowSeconds();
  if (batch.cancelledMs !== undefined) {
    if (now - batch.cancelledMs >= stepMs) Object.assign(object, { status: 'cancelled', cancelled_at: stamp() });
    return;
  }
  const steps = stepMs === 0 ? Number.POSITIVE_INFINITY : (now - batch.startedMs) / stepMs;
  if (steps < 1) return;
  if (object.errors !== null) return void Object.assign(object, { status: 'failed', failed_at: stamp() });
  const total = object.request_counts.total;
  if (steps < 3) {
    // In progress for two steps, the counts growing with the clock.
    const done = Math.floor((total * (steps - 1)) / 2);
    const failed = Math.min(batch.errors.length, Math.floor((done * batch.errors.length) / Math.max(total, 1)));
    Object.assign(object, { status: 'in_progress', in_progress_at: object.in_progress_at ?? stamp(), request_counts: { total, completed: done - failed, failed } });
    return;
  }
  const counts = { total, completed: batch.output.length, failed: batch.errors.length };
  Object.assign(object, { in_progress_at: object.in_progress_at ?? stamp(), finalizing_at: object.finalizing_at ?? stamp(), request_counts: counts });
  if (steps < 4) return void (object.status = 'finalizing');
  Object.assign(object, {
    status: 'completed', completed_at: stamp(),
    output_file_id: storeLines(store, batch.output, object.id, 'output'),
    error_file_id: storeLines(store, batch.errors, object.id, 'error'),
  });
}

/**
 * Answers `/batches` requests, or returns undefined for any other path.
 *
 * @example
 * const answer = routeBatches(store, recorded, requestId, 50);
 */
export function routeBatches(store: FileStore, recorded: RecordedRequest, requestId: string, stepMs: number): Response | undefined {
  const { method, path, query } = recorded;
  if (path === '/batches') {
    if (method === 'POST') return createBatch(store, (recorded.json ?? {}) as Record<string, unknown>, requestId);
    if (method !== 'GET') return undefined;
    const all = [...store.batches.values()].reverse();
    for (const batch of all) advance(store, batch, stepMs);
    const limit = query.limit === undefined ? 20 : Number(query.limit);
    const start = query.after === undefined ? 0 : all.findIndex((batch) => batch.object.id === query.after) + 1;
    const data = all.slice(start, start + limit).map((batch) => ({ ...batch.object }));
    return jsonAnswer({ object: 'list', data, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null, has_more: start + limit < all.length }, requestId);
  }
  const match = /^\/batches\/([^/]+)(\/cancel)?$/.exec(path);
  if (!match) return undefined;
  const id = decodeURIComponent(match[1]!);
  const batch = store.batches.get(id);
  if (!batch) return notFound('batch', id, requestId);
  advance(store, batch, stepMs);
  if (match[2] && method === 'POST') {
    if (TERMINAL.has(batch.object.status)) return badRequest(`Batch ${id} is ${batch.object.status} and cannot be cancelled`, requestId);
    batch.cancelledMs ??= Date.now();
    Object.assign(batch.object, { status: 'cancelling', cancelling_at: batch.object.cancelling_at ?? nowSeconds() });
    advance(store, batch, stepMs);
    return jsonAnswer({ ...batch.object }, requestId);
  }
  return method === 'GET' && !match[2] ? jsonAnswer({ ...batch.object }, requestId) : undefined;
}
