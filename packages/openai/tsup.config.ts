import { defineConfig } from 'tsup';
import { tsupPreset } from '@integrations/config/tsup';

export default defineConfig(
  tsupPreset({ entry: ['src/index.ts', 'src/chat.ts', 'src/models.ts', 'src/embeddings.ts', 'src/moderations.ts', 'src/files.ts', 'src/batches.ts', 'src/images.ts', 'src/audio.ts', 'src/core.ts', 'src/schemas.ts', 'src/zod.ts'] }),
);
