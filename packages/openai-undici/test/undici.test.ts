/** Core's transport contract, run for the undici transport (the same suite core runs for fetch). */
import { transportContract } from '../../core/test/transport-contract/contract.js';
import { undiciTransport } from '../src/index.js';

transportContract('undici', () => undiciTransport());
