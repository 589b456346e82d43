import { defineConfig } from 'tsup';
import { tsupPreset } from '@integrations/config/tsup';

// `schemas` and `zod` hold everything that imports zod: the main entry reaches `schemas` only
// through a dynamic import (its own chunk), so importing the package does not load zod.
export default defineConfig(tsupPreset({ entry: ['src/index.ts', 'src/schemas.ts', 'src/zod.ts'] }));
