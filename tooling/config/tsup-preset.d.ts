import type { Options } from 'tsup';
/** Builds a tsup config for the package in the current directory. */
export function tsupPreset(overrides?: Options): Options;
