import { defineConfig } from 'tsup';
import { tsupPreset } from '@integrations/config/tsup';

export default defineConfig(tsupPreset());
