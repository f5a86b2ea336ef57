// Suggests the known key a mistyped one most likely meant: case differences first, then small edits.

/** Optimal string alignment distance (Damerau–Levenshtein with adjacent swaps), stopping early above `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous2: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, previous2[j - 2] + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    previous2 = previous;
    previous = current;
  }
  return previous[b.length];
}

/** How many edits a key of this length may be away from a suggestion. */
function allowedEdits(length: number): number {
  return length <= 3 ? 1 : length <= 8 ? 2 : 3;
}

/** The closest candidate to `key`, or undefined when none is close enough to be a likely typo. */
export function didYouMean(key: string, candidates: Iterable<string>): string | undefined {
  const lower = key.toLowerCase();
  let best: string | undefined;
  let bestScore = Infinity;
  for (const candidate of candidates) {
    if (candidate === key) continue;
    // A case-only difference beats any typo; compare case-insensitively, then break ties by exact-case distance.
    const folded = editDistance(lower, candidate.toLowerCase(), allowedEdits(key.length));
    if (folded > allowedEdits(key.length)) continue;
    const score = folded * 100 + editDistance(key, candidate, 100);
    if (score < bestScore) [best, bestScore] = [candidate, score];
  }
  return best;
}
