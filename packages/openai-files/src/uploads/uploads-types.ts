/** Upload objects as the API returns them (Upload, UploadPart in the spec). */
import type { FileObject } from '../files/files-types.js';

/** An Upload: parts are added to it, then it is completed into a file (or cancelled). */
export interface Upload {
  id: string;
  object: 'upload';
  /** The size announced at creation; the parts must add up to it. */
  bytes: number;
  /** Unix seconds. */
  created_at: number;
  /** Unix seconds: an Upload expires an hour after it is created. */
  expires_at: number;
  filename: string;
  purpose: string;
  status: 'pending' | 'completed' | 'cancelled' | 'expired' | (string & {});
  /** The file made from the parts, once completed. */
  file?: FileObject | null;
}

/** One chunk of bytes added to an Upload. */
export interface UploadPart {
  id: string;
  object: 'upload.part';
  /** Unix seconds. */
  created_at: number;
  upload_id: string;
}
