import { defineConfig } from 'tsup';
import { tsupPreset } from '@integrations/config/tsup';

export default defineConfig(
  tsupPreset({
    entry: ['src/index.ts', 'src/schemas.ts', 'src/node/file-system.ts', 'src/node/file-system-unsupported.ts'],
    // Resolved at run time through package.json "imports": Node gets the atomic file writer
    // (saveImages), browsers a stub that says saving needs a file system.
    external: ['#file-system', /^node:/],
  }),
);
