import type { UserConfig } from 'vitest/config';
/** Builds the vitest config for the package in the current directory. */
export function vitestPreset(overrides?: UserConfig): UserConfig;
