/**
 * The model-dependent rules the spec states in prose (sizes, `n`, quality, prompt length,
 * formats, which parameters a model family takes), checked before sending when the request
 * names a model we know. Without a model, or with one we do not know, the server decides:
 * defaults change (generations pick dall-e-2 or a GPT image model from the other parameters)
 * and new models arrive with their own limits.
 */

/** The families the spec describes. */
type Family = 'dall-e-2' | 'dall-e-3' | 'gpt-image' | 'gpt-image-2';

/** One broken rule. */
export interface ModelIssue {
  path: string;
  message: string;
}

type Params = Readonly<Record<string, unknown>>;

/** The family of `model`, when the spec describes it. */
export function familyOf(model: unknown): Family | undefined {
  if (model === 'dall-e-2' || model === 'dall-e-3') return model;
  if (typeof model !== 'string') return undefined;
  if (/^gpt-image-2(?:$|-)/.test(model)) return 'gpt-image-2';
  if (model.startsWith('gpt-image-') || model === 'chatgpt-image-latest') return 'gpt-image';
  return undefined;
}

const GPT_SIZES = ['1024x1024', '1536x1024', '1024x1536', 'auto'];
const SIZES: Record<Family, readonly string[]> = {
  'dall-e-2': ['256x256', '512x512', '1024x1024'],
  'dall-e-3': ['1024x1024', '1792x1024', '1024x1792'],
  'gpt-image': GPT_SIZES,
  'gpt-image-2': GPT_SIZES,
};
const PROMPT_LIMITS: Record<Family, number> = { 'dall-e-2': 1000, 'dall-e-3': 4000, 'gpt-image': 32000, 'gpt-image-2': 32000 };
const QUALITIES: Record<Family, readonly string[]> = {
  'dall-e-2': ['standard', 'auto'],
  'dall-e-3': ['standard', 'hd', 'auto'],
  'gpt-image': ['low', 'medium', 'high', 'auto'],
  'gpt-image-2': ['low', 'medium', 'high', 'auto'],
};

const given = (value: unknown) => value !== undefined && value !== null;
const isGpt = (family: Family) => family === 'gpt-image' || family === 'gpt-image-2';

/**
 * gpt-image-2 takes any `WIDTHxHEIGHT` with both sides divisible by 16, an aspect ratio
 * between 1:3 and 3:1, and at most 3840x2160 pixels (the description of `size`).
 */
function customSizeProblem(size: string): string | undefined {
  const match = /^(\d+)x(\d+)$/.exec(size);
  if (!match) return 'must be auto, a standard size or WIDTHxHEIGHT';
  const width = Number(match[1]);
  const height = Number(match[2]);
  if (width === 0 || height === 0 || width % 16 !== 0 || height % 16 !== 0) return 'width and height must both be divisible by 16';
  if (width > 3 * height || height > 3 * width) return 'the aspect ratio must be between 1:3 and 3:1';
  if (width * height > 3840 * 2160 || Math.max(width, height) > 3840) return 'the largest size is 3840x2160';
  return undefined;
}

function sizeIssue(family: Family, size: unknown): ModelIssue | undefined {
  if (typeof size !== 'string' || SIZES[family].includes(size)) return undefined;
  if (family === 'gpt-image-2') {
    const problem = customSizeProblem(size);
    return problem ? { path: 'size', message: `for gpt-image-2 ${problem}` } : undefined;
  }
  return { path: 'size', message: `${family === 'gpt-image' ? 'GPT image models take' : `${family} takes`} ${SIZES[family].join(', ')}` };
}

/** Rules shared by generations and edits. */
function commonIssues(family: Family, params: Params, issues: ModelIssue[]): void {
  const name = family === 'gpt-image' || family === 'gpt-image-2' ? 'GPT image models' : family;
  const size = sizeIssue(family, params.size);
  if (size) issues.push(size);
  if (typeof params.prompt === 'string' && [...params.prompt].length > PROMPT_LIMITS[family]) {
    issues.push({ path: 'prompt', message: `${name} take at most ${PROMPT_LIMITS[family]} characters` });
  }
  if (isGpt(family)) {
    if (given(params.response_format)) issues.push({ path: 'response_format', message: 'GPT image models always return b64_json; leave response_format out' });
    // output_compression "is only supported with webp or jpeg", yet the spec's own edit example
    // sends it with png: the server tolerates it, so it is not refused here.
    if (params.background === 'transparent' && params.output_format === 'jpeg') {
      issues.push({ path: 'output_format', message: 'a transparent background needs png or webp' });
    }
    return;
  }
  for (const field of ['output_format', 'output_compression', 'background']) {
    if (given(params[field])) issues.push({ path: field, message: `only GPT image models take ${field}, not ${family}` });
  }
}

/**
 * The rules of `operation` for the model `params.model` names; empty when the model is
 * absent or unknown.
 *
 * @example
 * modelIssues('generate', { model: 'dall-e-3', prompt: 'x', n: 2 }); // [{ path: 'n', ... }]
 */
export function modelIssues(operation: 'generate' | 'edit', params: Params): ModelIssue[] {
  const family = familyOf(params.model);
  if (family === undefined) return [];
  const issues: ModelIssue[] = [];
  commonIssues(family, params, issues);
  if (operation === 'generate') {
    if (typeof params.quality === 'string' && !QUALITIES[family].includes(params.quality)) {
      issues.push({ path: 'quality', message: `${family.startsWith('gpt') ? 'GPT image models take' : `${family} takes`} ${QUALITIES[family].join(', ')}` });
    }
    if (family === 'dall-e-3' && typeof params.n === 'number' && params.n !== 1) issues.push({ path: 'n', message: 'dall-e-3 makes one image per request (n: 1)' });
    if (family !== 'dall-e-3' && given(params.style)) issues.push({ path: 'style', message: 'only dall-e-3 takes style' });
    if (!isGpt(family)) {
      if (params.stream === true) issues.push({ path: 'stream', message: `only GPT image models stream, not ${family}` });
      if (given(params.partial_images)) issues.push({ path: 'partial_images', message: `only GPT image models stream partial images, not ${family}` });
    }
    return issues;
  }
  // Edits: JSON edits (by reference) are for GPT image models; dall-e-2 takes one uploaded
  // image; input_fidelity is for gpt-image-1 and later, not -mini.
  if (family === 'dall-e-2' && params.images !== undefined) issues.push({ path: 'images', message: 'dall-e-2 edits need an uploaded image; images by reference are for GPT image models' });
  if (family === 'dall-e-2' && Array.isArray(params.image) && params.image.length > 1) {
    issues.push({ path: 'image', message: 'dall-e-2 edits one image; GPT image models take up to 16' });
  }
  if (given(params.input_fidelity) && (family === 'dall-e-2' || params.model === 'gpt-image-1-mini')) {
    issues.push({ path: 'input_fidelity', message: `${String(params.model)} does not take input_fidelity` });
  }
  return issues;
}
