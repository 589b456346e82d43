/** Reads an environment variable on any runtime: Node, Bun and Deno expose `process.env`. */
export function readEnv(name: string): string | undefined {
  const process = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process;
  const value = process?.env?.[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}
