export interface ClassScore {
  readonly class: number;
  readonly logit: number;
}

/** The k highest logits, best first (ties keep the lower class index first). */
export function topK(logits: readonly number[], k: number): ClassScore[] {
  return logits
    .map((logit, index) => ({ class: index, logit }))
    .sort((a, b) => b.logit - a.logit || a.class - b.class)
    .slice(0, k);
}
