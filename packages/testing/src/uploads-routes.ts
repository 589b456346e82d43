/**
 * The mock's `/uploads` routes: create an Upload, add parts (multipart `data`), complete it into
 * a stored file (parts in the given order, sizes checked) or cancel it.
 */
import type { FileStore } from './file-store.js';
import { badRequest, formOf, jsonAnswer, notFound, nowSeconds } from './mock-json.js';
import type { RecordedRequest } from './recorded-request.js';

const PURPOSES = new Set(['assistants', 'batch', 'fine-tune', 'vision']);

function createUpload(store: FileStore, body: Record<string, unknown>, requestId: string): Response {
  const { filename, purpose, bytes, mime_type: mimeType } = body;
  if (typeof filename !== 'string' || filename === '') return badRequest("'filename' is required", requestId, 'filename');
  if (typeof purpose !== 'string' || !PURPOSES.has(purpose)) return badRequest(`'purpose' must be one of ${[...PURPOSES].join(', ')}`, requestId, 'purpose');
  if (typeof bytes !== 'number' || !Number.isInteger(bytes) || bytes < 0) return badRequest("'bytes' must be a whole number", requestId, 'bytes');
  if (typeof mimeType !== 'string' || mimeType === '') return badRequest("'mime_type' is required", requestId, 'mime_type');
  const created = nowSeconds();
  const object = { id: store.nextId('upload_mock'), object: 'upload' as const, bytes, created_at: created, expires_at: created + 3600, filename, purpose, status: 'pending', file: null };
  store.uploads.set(object.id, { object, mimeType, parts: new Map() });
  return jsonAnswer(object, requestId);
}

/**
 * Answers `/uploads` requests, or returns undefined for any other path.
 *
 * @example
 * const answer = routeUploads(store, recorded, requestId);
 */
export function routeUploads(store: FileStore, recorded: RecordedRequest, requestId: string): Response | Promise<Response> | undefined {
  const { method, path } = recorded;
  if (method !== 'POST') return undefined;
  if (path === '/uploads') return createUpload(store, (recorded.json ?? {}) as Record<string, unknown>, requestId);
  const match = /^\/uploads\/([^/]+)\/(parts|complete|cancel)$/.exec(path);
  if (!match) return undefined;
  const id = decodeURIComponent(match[1]!);
  const upload = store.uploads.get(id);
  if (!upload) return notFound('upload', id, requestId);
  const action = match[2];
  if (upload.object.status !== 'pending') return badRequest(`Upload ${id} is ${upload.object.status}; no more changes are allowed`, requestId);
  if (action === 'cancel') {
    upload.object.status = 'cancelled';
    upload.parts.clear();
    return jsonAnswer(upload.object, requestId);
  }
  if (action === 'parts') {
    return formOf(recorded.bytes, recorded.headers['content-type']).then(async (form) => {
      const data = form?.get('data');
      if (!data || typeof data === 'string') return badRequest("'data' is required", requestId, 'data');
      const partId = store.nextId('part_mock');
      upload.parts.set(partId, new Uint8Array(await data.arrayBuffer()));
      return jsonAnswer({ id: partId, object: 'upload.part', created_at: nowSeconds(), upload_id: id }, requestId);
    });
  }
  const partIds = (recorded.json as { part_ids?: unknown } | undefined)?.part_ids;
  if (!Array.isArray(partIds) || partIds.some((partId) => typeof partId !== 'string' || !upload.parts.has(partId))) {
    return badRequest("'part_ids' must list parts of this upload", requestId, 'part_ids');
  }
  const parts = partIds.map((partId) => upload.parts.get(partId as string)!);
  const size = parts.reduce((sum, part) => sum + part.byteLength, 0);
  if (size !== upload.object.bytes) return badRequest(`The parts hold ${size} bytes; the upload was created for ${upload.object.bytes}`, requestId, 'part_ids');
  const content = new Uint8Array(size);
  parts.reduce((offset, part) => (content.set(part, offset), offset + part.byteLength), 0);
  upload.parts.clear();
  upload.object.status = 'completed';
  upload.object.file = store.add(content, { filename: upload.object.filename, purpose: upload.object.purpose });
  return jsonAnswer(upload.object, requestId);
}
