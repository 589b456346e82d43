/**
 * @integrations/openai-undici: a Node transport for @integrations/openai-core on undici, with
 * a keep-alive connection pool and no transport-side timeouts that fire before core's own.
 */
export { undiciTransport, type UndiciTransport, type UndiciTransportOptions } from './undici-transport.js';
