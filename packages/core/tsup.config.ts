import { defineConfig } from 'tsup';
import { tsupPreset } from '@integrations/config/tsup';

export default defineConfig(
  tsupPreset({
    entry: [
      'src/index.ts',
      'src/internal.ts',
      'src/node/file-path-source.ts',
      'src/node/file-path-source-unsupported.ts',
      'src/node/fetch-dispatcher.ts',
      'src/node/fetch-dispatcher-default.ts',
      // The `./write-file` entry: the atomic writer on Node, a stub elsewhere.
      'src/node/write-file-atomically.ts',
      'src/node/write-file-atomically-unsupported.ts',
    ],
    // Resolved at run time through package.json "imports", so Node gets the disk reader and
    // browsers get a stub that explains `{ path }` needs Node.
    // Same for `#fetch-dispatcher`: Node lifts its fetch's 300 s limits, other runtimes need nothing.
    external: ['#file-path-source', '#fetch-dispatcher', /^node:/],
  }),
);
