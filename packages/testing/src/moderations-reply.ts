/**
 * Deterministic moderation: a few trigger words flag their category; everything else scores low.
 * Images are flagged when their URL says `violent` (so tests can exercise multimodal input).
 */
const CATEGORIES = [
  'hate', 'hate/threatening', 'harassment', 'harassment/threatening', 'illicit', 'illicit/violent', 'self-harm',
  'self-harm/intent', 'self-harm/instructions', 'sexual', 'sexual/minors', 'violence', 'violence/graphic',
] as const;

const TRIGGERS: Array<[RegExp, Array<(typeof CATEGORIES)[number]>]> = [
  [/\b(kill|murder|attack)\b/i, ['violence']],
  [/\bhate\b/i, ['hate', 'harassment']],
  [/\bhurt myself\b/i, ['self-harm', 'self-harm/intent']],
];
const IMAGE_CATEGORIES = new Set(['self-harm', 'self-harm/intent', 'self-harm/instructions', 'sexual', 'violence', 'violence/graphic']);

type Part = { type?: string; text?: string; image_url?: { url?: string } };

function resultFor(parts: Part[]) {
  const flaggedBy = new Map<string, Set<'text' | 'image'>>();
  for (const part of parts) {
    if (part.type === 'image_url') {
      if (/violent/i.test(part.image_url?.url ?? '')) flaggedBy.set('violence', new Set([...(flaggedBy.get('violence') ?? []), 'image']));
      continue;
    }
    for (const [pattern, categories] of TRIGGERS) {
      if (!pattern.test(part.text ?? '')) continue;
      for (const category of categories) flaggedBy.set(category, new Set([...(flaggedBy.get(category) ?? []), 'text']));
    }
  }
  const kinds = new Set(parts.map((part) => (part.type === 'image_url' ? 'image' : 'text')));
  const categories: Record<string, boolean> = {};
  const scores: Record<string, number> = {};
  const applied: Record<string, string[]> = {};
  for (const category of CATEGORIES) {
    categories[category] = flaggedBy.has(category);
    scores[category] = flaggedBy.has(category) ? 0.97 : 0.0004;
    applied[category] = [...kinds].filter((kind) => kind === 'text' || IMAGE_CATEGORIES.has(category));
  }
  return { flagged: flaggedBy.size > 0, categories, category_scores: scores, category_applied_input_types: applied };
}

/** The moderation response for a request body, or `undefined` when `input` is malformed. */
export function moderationFor(body: { input?: unknown; model?: string }, id: string) {
  const input = body.input;
  let groups: Part[][];
  if (typeof input === 'string') groups = [[{ type: 'text', text: input }]];
  else if (Array.isArray(input) && input.every((item) => typeof item === 'string')) groups = input.map((text) => [{ type: 'text', text }]);
  else if (Array.isArray(input) && input.every((item) => typeof item === 'object' && item !== null)) groups = [input as Part[]];
  else return undefined;
  return { id, model: body.model ?? 'omni-moderation-latest', results: groups.map(resultFor) };
}
