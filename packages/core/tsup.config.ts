import { defineConfig } from 'tsup';
import { tsupPreset } from '@integrations/config/tsup';

export default defineConfig(
  tsupPreset({
    entry: [
      'src/index.ts',
      'src/internal.ts',
      'src/node/file-path-source.ts',
      'src/node/file-path-source-unsupported.ts',
    ],
    // Resolved at run time through package.json "imports", so Node gets the disk reader and
    // browsers get a stub that explains `{ path }` needs Node.
    external: ['#file-path-source', /^node:/],
  }),
);
