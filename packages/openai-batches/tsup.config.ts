import { defineConfig } from 'tsup';
import { tsupPreset } from '@integrations/config/tsup';

export default defineConfig(
  tsupPreset({
    entry: ['src/index.ts', 'src/schemas.ts', 'src/node/spool.ts', 'src/node/spool-unsupported.ts'],
    // Resolved at run time through package.json "imports": Node spools a batch input to a temp
    // file (re-read on a retry, constant memory), other runtimes gather it into a Blob.
    external: ['#spool', /^node:/],
  }),
);
