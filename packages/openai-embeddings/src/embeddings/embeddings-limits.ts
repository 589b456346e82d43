/** The API's per-request limit on the number of inputs (the spec's `maxItems` on `input`). */
export const MAX_INPUTS_PER_REQUEST = 2048;
