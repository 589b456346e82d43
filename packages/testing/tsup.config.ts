import { defineConfig } from 'tsup';
import { tsupPreset } from '@integrations/config/tsup';

export default defineConfig(tsupPreset({ entry: ['src/index.ts', 'src/msw.ts'], platform: 'node', external: ['msw', /^msw\//] }));
