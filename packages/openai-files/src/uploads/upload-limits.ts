/** The Uploads API's size limits (no zod here: the main entry exports them). */

/** The API's limit per part (64 MB, read as MiB like the default part size). */
export const MAX_PART_BYTES = 64 * 1024 ** 2;

/** The API's limit per Upload (8 GB). */
export const MAX_UPLOAD_BYTES = 8 * 1024 ** 3;
