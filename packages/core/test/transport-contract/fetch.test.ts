/** The transport contract for core's own fetch transport (Node's built-in fetch). */
import { createFetchTransport } from '../../src/index.js';
import { transportContract } from './contract.js';

transportContract('fetch', () => createFetchTransport());
