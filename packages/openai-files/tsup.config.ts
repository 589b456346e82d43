import { defineConfig } from 'tsup';
import { tsupPreset } from '@integrations/config/tsup';

export default defineConfig(
  tsupPreset({
    entry: ['src/index.ts', 'src/schemas.ts', 'src/node/file-system.ts', 'src/node/file-system-unsupported.ts'],
    // Resolved at run time through package.json "imports": Node gets the disk helpers (atomic
    // downloads, file slices for multi-part uploads), browsers a stub that says they need Node.
    external: ['#file-system', /^node:/],
  }),
);
