import { vitestPreset } from '@integrations/config/vitest';

export default vitestPreset();
