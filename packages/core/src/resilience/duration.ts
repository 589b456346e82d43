/**
 * Parses the Go-style durations OpenAI sends in `x-ratelimit-reset-*` (`1s`, `6m0s`, `20ms`,
 * `1.5s`, `1h2m3.5s`). Returns milliseconds, or `undefined` for anything else.
 */
const UNIT_MS: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1_000, ms: 1, us: 0.001, 'µs': 0.001, ns: 0.000001 };
const PART = /(\d+(?:\.\d+)?)(ms|us|µs|ns|h|m|s)/y;

/** `parseDuration('6m0s') === 360000` */
export function parseDuration(text: string | null | undefined): number | undefined {
  if (!text) return undefined;
  const input = text.trim();
  if (input === '' ) return undefined;
  if (/^\d+(\.\d+)?$/.test(input)) return Number(input) * 1000; // bare seconds
  PART.lastIndex = 0;
  let total = 0;
  let matched = 0;
  while (PART.lastIndex < input.length) {
    const match = PART.exec(input);
    if (!match) return undefined;
    total += Number(match[1]) * UNIT_MS[match[2]!]!;
    matched += match[0].length;
  }
  return matched === input.length ? total : undefined;
}
