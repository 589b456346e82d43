/** Response shapes of `POST /moderations` (CreateModerationResponse). */

/** The categories the API scores; open, since new ones appear. */
export type ModerationCategory =
  | 'hate' | 'hate/threatening' | 'harassment' | 'harassment/threatening' | 'illicit' | 'illicit/violent'
  | 'self-harm' | 'self-harm/intent' | 'self-harm/instructions' | 'sexual' | 'sexual/minors' | 'violence' | 'violence/graphic'
  | (string & {});

/** The verdict on one input. */
export interface ModerationResult {
  flagged: boolean;
  categories: Record<ModerationCategory, boolean | null>;
  category_scores: Record<ModerationCategory, number>;
  category_applied_input_types: Record<ModerationCategory, Array<'text' | 'image'>>;
}

/** The response of `create`. */
export interface ModerationResponse {
  id: string;
  model: string;
  results: ModerationResult[];
}
