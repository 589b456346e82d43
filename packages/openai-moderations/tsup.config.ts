import { defineConfig } from 'tsup';
import { tsupPreset } from '@integrations/config/tsup';

// The main entry reaches `schemas` (and zod) only through a dynamic import: its own chunk.
export default defineConfig(tsupPreset({ entry: ['src/index.ts', 'src/schemas.ts'] }));
