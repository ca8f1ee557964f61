// Bounded edit distance, so misspelt key words ("suicdal", "overdoes", "suisidarme") still reach the rules.

/** Optimal-string-alignment distance between a and b, or max + 1 as soon as it must exceed max. */
export function boundedEditDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prevPrev: number[] = [];
  let prev: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row: number[] = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (prevPrev[j - 2] ?? 0) + 1);
      }
      row.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length] ?? max + 1;
}

/** Longer words tolerate more typos; short ones none, since short near-misses are usually other real words. */
export function allowedDistance(length: number): number {
  if (length >= 9) return 2;
  if (length >= 6) return 1;
  return 0;
}

export interface FuzzyVocabulary {
  readonly words: ReadonlySet<string>;
  readonly byFirstLetter: ReadonlyMap<string, readonly string[]>;
  readonly knownWords: ReadonlySet<string>;
}

export function buildVocabulary(words: readonly string[], knownWords: readonly string[]): FuzzyVocabulary {
  const byFirstLetter = new Map<string, string[]>();
  for (const word of words) {
    const first = word[0] ?? '';
    const bucket = byFirstLetter.get(first) ?? [];
    bucket.push(word);
    byFirstLetter.set(first, bucket);
  }
  return { words: new Set(words), byFirstLetter, knownWords: new Set(knownWords) };
}

/** The vocabulary word a token is a likely misspelling of, or the token itself. */
export function correctToken(token: string, vocabulary: FuzzyVocabulary): string {
  if (token.length < 6 || vocabulary.words.has(token) || vocabulary.knownWords.has(token)) return token;
  // Typists and recognisers rarely get the first letter wrong; keying on it keeps this cheap and precise.
  const candidates = vocabulary.byFirstLetter.get(token[0] ?? '') ?? [];
  let best = token;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const word of candidates) {
    const max = allowedDistance(Math.min(word.length, token.length));
    if (max === 0) continue;
    const distance = boundedEditDistance(token, word, max);
    if (distance <= max && distance < bestDistance) {
      best = word;
      bestDistance = distance;
    }
  }
  return best;
}
