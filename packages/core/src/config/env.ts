/** Reads an environment variable on any runtime: Node, Bun and Deno expose `process.env`. */
export function readEnv(name: string): string | undefined {
  const process = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process;
  let value: string | undefined;
  try {
    value = process?.env?.[name]?.trim();
  } catch {
    // Deno without --allow-env throws on any read: an unreadable variable is an unset one.
    return undefined;
  }
  return value === undefined || value === '' ? undefined : value;
}
