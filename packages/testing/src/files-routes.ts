/**
 * The mock's `/files` routes: multipart uploads (stored in memory), cursor-paginated lists
 * (after, limit, order, purpose), retrieve, delete and content downloads.
 */
import type { FileStore, MockStoredFile } from './file-store.js';
import { badRequest, formOf, jsonAnswer, notFound, nowSeconds } from './mock-json.js';
import type { RecordedRequest } from './recorded-request.js';

/** The purposes `POST /files` takes. */
const PURPOSES = new Set(['assistants', 'batch', 'fine-tune', 'vision', 'user_data', 'evals']);

async function createFile(store: FileStore, recorded: RecordedRequest, requestId: string): Promise<Response> {
  const form = await formOf(recorded.bytes, recorded.headers['content-type']);
  if (!form) return badRequest('Expected a multipart/form-data body', requestId);
  const file = form.get('file');
  if (!file || typeof file === 'string') return badRequest("'file' is required", requestId, 'file');
  const purpose = form.get('purpose');
  if (typeof purpose !== 'string' || !PURPOSES.has(purpose)) return badRequest(`'purpose' must be one of ${[...PURPOSES].join(', ')}`, requestId, 'purpose');
  const seconds = Number(form.get('expires_after[seconds]') ?? Number.NaN);
  const object = store.add(new Uint8Array(await file.arrayBuffer()), { filename: file.name, purpose });
  if (Number.isFinite(seconds)) object.expires_at = object.created_at + seconds;
  return jsonAnswer(object, requestId);
}

function listFiles(store: FileStore, query: Record<string, string>, requestId: string): Response {
  const limit = query.limit === undefined ? 10_000 : Number(query.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) return badRequest("'limit' must be an integer from 1 to 10000", requestId, 'limit');
  let all = [...store.files.values()].map((file) => file.object).filter((file) => query.purpose === undefined || file.purpose === query.purpose);
  if (query.order !== 'asc') all = all.reverse();
  const start = query.after === undefined ? 0 : all.findIndex((file) => file.id === query.after) + 1;
  const data = all.slice(start, start + limit);
  return jsonAnswer({ object: 'list', data, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null, has_more: start + limit < all.length }, requestId);
}

function content(file: MockStoredFile, requestId: string): Response {
  return new Response(file.content as Uint8Array<ArrayBuffer>, {
    headers: { 'content-type': 'application/octet-stream', 'content-length': String(file.content.byteLength), 'x-request-id': requestId },
  });
}

/**
 * Answers `/files` requests, or returns undefined for any other path.
 *
 * @example
 * const answer = routeFiles(store, recorded, requestId);
 */
export function routeFiles(store: FileStore, recorded: RecordedRequest, requestId: string): Response | Promise<Response> | undefined {
  const { method, path } = recorded;
  if (path === '/files') {
    if (method === 'POST') return createFile(store, recorded, requestId);
    if (method === 'GET') return listFiles(store, recorded.query, requestId);
    return undefined;
  }
  const match = /^\/files\/([^/]+)(\/content)?$/.exec(path);
  if (!match) return undefined;
  const id = decodeURIComponent(match[1]!);
  const file = store.files.get(id);
  if (!file) return notFound('file', id, requestId);
  if (match[2]) return method === 'GET' ? content(file, requestId) : undefined;
  if (method === 'GET') return jsonAnswer(file.object, requestId);
  if (method === 'DELETE') {
    store.files.delete(id);
    return jsonAnswer({ id, object: 'file', deleted: true }, requestId);
  }
  return undefined;
}
