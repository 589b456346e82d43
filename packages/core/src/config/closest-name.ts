/**
 * The known name closest to a misspelled one (`baseURL` → `baseUrl`, `temprature` →
 * `temperature`), for error messages that say what was meant.
 */

/** Edit distance between two short names, case-insensitive (`baseURL` is one edit from `baseUrl`). */
function distance(from: string, to: string): number {
  const a = from.toLowerCase();
  const b = to.toLowerCase();
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The closest of `known` to `name`, or `undefined` when none is close (more than a third of
 * the name would have to change).
 *
 * @example
 * closestName('baseURL', ['baseUrl', 'timeout']); // 'baseUrl'
 */
export function closestName(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of known) {
    const d = distance(name, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= Math.max(2, Math.ceil(name.length / 3)) ? best : undefined;
}

/** "unknown option "x"; did you mean "y"?" or just the first part. */
export function unknownNameMessage(what: string, name: string, known: readonly string[]): string {
  const guess = closestName(name, known);
  return `Unknown ${what} ${JSON.stringify(name)}${guess ? `; did you mean ${JSON.stringify(guess)}?` : ` (known: ${known.join(', ')})`}`;
}
