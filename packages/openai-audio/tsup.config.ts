import { defineConfig } from 'tsup';
import { tsupPreset } from '@integrations/config/tsup';

export default defineConfig(
  tsupPreset({
    entry: ['src/index.ts', 'src/schemas.ts'],
    // saveSpeech writes through core's `./write-file` entry (the atomic writer on Node, a stub elsewhere).
    external: [/^node:/],
  }),
);
