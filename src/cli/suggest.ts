/**
 * "Did you mean …?" for the CLI's one-line errors (src/cli/main.ts, args.ts): the closest known
 * word by Levenshtein edit distance (insertions, deletions, substitutions; V. I. Levenshtein,
 * "Binary codes capable of correcting deletions, insertions, and reversals", 1966), offered only
 * within distance 2 so that a far-off word gets no misleading suggestion.
 * @module
 */

/** The edit distance between `a` and `b` (two-row dynamic programme). */
export function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row.push(Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    previous = row;
  }
  return previous[b.length]!;
}

/** The candidate closest to `word` within distance `max` (the first of equals), or undefined. */
export function closest(word: string, candidates: readonly string[], max = 2): string | undefined {
  let best: string | undefined;
  let bestDistance = max + 1;
  for (const c of candidates) {
    const d = levenshtein(word, c);
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best;
}

/** "; did you mean X?" for the closest candidate, or "". */
export function didYouMean(word: string, candidates: readonly string[]): string {
  const match = closest(word, candidates);
  return match === undefined ? '' : `; did you mean ${match}?`;
}
