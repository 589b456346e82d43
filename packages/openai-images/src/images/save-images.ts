/**
 * Saves the images of a result to a directory, each file written atomically (a temp file,
 * then a rename). Node, Bun and Deno only: the writer is core's `./write-file` entry, whose
 * `node` condition picks the file writer, so a browser bundle carries no `node:fs` (it gets a
 * stub that says so).
 */
import { imageBytes, imageExtension, type ImageSource } from './image-bytes.js';
import type { ImagesResponse } from './images-types.js';
import { RequestError } from '@integrations/openai-core';

function invalid(path: string, message: string): RequestError {
  return new RequestError({ kind: 'validation', message: `saveImages: ${path} ${message}`, issues: [{ path, message }] });
}

/** Options of `saveImages`. */
export interface SaveImagesOptions {
  /** The file name before `-<index>.<ext>`. Default `image-<created>`. */
  name?: string;
}

function createdOf(source: ImageSource): number | undefined {
  const value = (source as { created?: unknown }).created ?? (source as { created_at?: unknown }).created_at;
  return typeof value === 'number' ? value : undefined;
}

/**
 * Writes every image of `source` (a result, or a stream's completed event) into `directory`
 * (created when missing) and returns the paths, in order. The extension comes from the bytes
 * (png, jpeg, webp), else from `output_format`. URL-only images cannot be saved: ask with
 * `response_format: 'b64_json'`.
 *
 * @example
 * const paths = await saveImages(await images.generate({ model: 'gpt-image-1', prompt: 'A fox', n: 2 }), './out');
 */
export async function saveImages(source: ImageSource, directory: string, options: SaveImagesOptions = {}): Promise<string[]> {
  if (typeof source !== 'object' || source === null) throw invalid('source', 'must be an images result, an image or a completed stream event');
  if (typeof directory !== 'string' || directory === '') throw invalid('directory', 'must be a non-empty path');
  const name = options?.name ?? `image-${createdOf(source) ?? Math.floor(Date.now() / 1000)}`;
  // A name is a file name, never a path: '../escaped' would write outside `directory`.
  if (typeof name !== 'string' || name === '' || /[\\/]|^\.\.?$/.test(name)) throw invalid('options.name', 'must be a plain file name, without / or \\ or . or ..');
  const data = (source as ImagesResponse).data;
  const count = Array.isArray(data) ? data.length : 1;
  // Every image is checked before the first file is written: a set is saved whole or not at all.
  for (let index = 0; index < count; index++) imageBytes(source, index);
  const format = (source as { output_format?: string }).output_format;
  const base = directory.replace(/[\\/]+$/, '') || '.';
  const paths: string[] = [];
  for (let index = 0; index < count; index++) {
    // Decoded one at a time: only one image's bytes are held while writing.
    const bytes = imageBytes(source, index);
    const path = `${base}/${name}-${index}.${imageExtension(bytes) ?? format ?? 'png'}`;
    const { writeFileAtomically } = await import('@integrations/openai-core/write-file');
    await writeFileAtomically(bytes, path, { createDirectory: true });
    paths.push(path);
  }
  return paths;
}
