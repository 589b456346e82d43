import { defineConfig } from 'tsup';
import { tsupPreset } from '@integrations/config/tsup';

// Node only: undici and `node:stream`/`node:zlib` are left as imports for Node to resolve.
export default defineConfig(tsupPreset({ platform: 'node' }));
