/**
 * The mock's storage for files, uploads and batches, in memory, shared by their routes and
 * readable by tests (`mock.files`), so a round trip can be checked on the server side too.
 */
import { nowSeconds } from './mock-json.js';

/** A stored file: the object the API returns, and its bytes. */
export interface MockStoredFile {
  object: { id: string; object: 'file'; bytes: number; created_at: number; expires_at: number | null; filename: string; purpose: string; status: string };
  content: Uint8Array;
}

/** An Upload in progress, with its parts. */
export interface MockUpload {
  object: { id: string; object: 'upload'; bytes: number; created_at: number; expires_at: number; filename: string; purpose: string; status: string; file: MockStoredFile['object'] | null };
  mimeType: string;
  parts: Map<string, Uint8Array>;
}

/** A batch and when it was created (its status follows the mock's clock). */
export interface MockBatch {
  object: Record<string, unknown> & { id: string; status: string; request_counts: { total: number; completed: number; failed: number } };
  startedMs: number;
  /** Lines of the output and error files, worked out at creation; written when the batch completes. */
  output: string[];
  errors: string[];
  cancelledMs?: number;
}

/** What tests can read and add. */
export interface MockFiles {
  readonly files: ReadonlyMap<string, MockStoredFile>;
  readonly uploads: ReadonlyMap<string, MockUpload>;
  readonly batches: ReadonlyMap<string, MockBatch>;
  /** Stores a file directly, as if uploaded, and returns its object. */
  add(content: Uint8Array | string, fields?: { filename?: string; purpose?: string }): MockStoredFile['object'];
}

/** The store and the id counter behind it. */
export interface FileStore extends MockFiles {
  readonly files: Map<string, MockStoredFile>;
  readonly uploads: Map<string, MockUpload>;
  readonly batches: Map<string, MockBatch>;
  nextId(prefix: string): string;
  clear(): void;
}

/**
 * Creates an empty store.
 *
 * @example
 * const store = createFileStore();
 * const file = store.add('{"a":1}\n', { filename: 'input.jsonl', purpose: 'batch' });
 */
export function createFileStore(): FileStore {
  const files = new Map<string, MockStoredFile>();
  const uploads = new Map<string, MockUpload>();
  const batches = new Map<string, MockBatch>();
  let sequence = 0;
  const nextId = (prefix: string) => `${prefix}${String(++sequence).padStart(6, '0')}`;
  return {
    files, uploads, batches, nextId,
    add(content, fields = {}) {
      const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
      const object = {
        id: nextId('file-mock'), object: 'file' as const, bytes: bytes.byteLength, created_at: nowSeconds(), expires_at: null,
        filename: fields.filename ?? 'file', purpose: fields.purpose ?? 'user_data', status: 'processed',
      };
      files.set(object.id, { object, content: bytes });
      return object;
    },
    clear() {
      files.clear();
      uploads.clear();
      batches.clear();
      sequence = 0;
    },
  };
}
