/** A request as the mock server received it. */
export interface RecordedRequest {
  method: string;
  /** Relative to the API root, e.g. `/chat/completions`. */
  path: string;
  query: Record<string, string>;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  text: string;
  /** The raw body bytes (kept so binary multipart uploads parse exactly). */
  bytes: Uint8Array;
  /** The parsed JSON body, or `undefined`. */
  json: unknown;
}
