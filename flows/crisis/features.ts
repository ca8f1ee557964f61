// Features of a normalised message for the learned layer: words, word pairs, length and risk concepts.
//
// Concepts carry most of the generalisation: "k:GUN" fires for "strap", "glock" and "pistola" alike, and a
// concept pair ("p:NOW|DRUG") says two ideas stand near each other, which a linear model cannot work out
// from single words. Misspellings are the normaliser's work (fuzzy key words, leetspeak), not the model's:
// letter n-grams were tried and made short messages spiky, one word counting five times. Every feature is
// hashed into a fixed number of buckets, so the weights are one small array.

import { type Concept, conceptsOf } from './concepts.js';
import type { CrisisLanguage } from './crisis-types.js';

export const FEATURE_BITS = 15;
const MASK = (1 << FEATURE_BITS) - 1;

/** Concepts near each other (within this many tokens) form a pair feature. */
const PAIR_WINDOW = 12;
/** A negation this close before a concept marks that concept as negated. */
const NEGATION_REACH = 3;

/** 32-bit FNV-1a, folded into the bucket range. */
export function hashFeature(feature: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < feature.length; i++) {
    hash ^= feature.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) & MASK;
}

interface Located {
  readonly concept: Concept;
  readonly at: number;
}

function locateConcepts(tokens: readonly string[], language: CrisisLanguage): Located[] {
  const found: Located[] = [];
  tokens.forEach((token, at) => {
    for (const concept of conceptsOf(token, language)) found.push({ concept, at });
  });
  return found;
}

function isNegatedAt(located: readonly Located[], at: number): boolean {
  return located.some((other) => other.concept === 'NEG' && other.at < at && at - other.at <= NEGATION_REACH);
}

/** Short messages carry few clues, so the model learns how far to trust each length on its own. */
function lengthBand(count: number): string {
  if (count <= 3) return String(count);
  if (count <= 5) return '4-5';
  if (count <= 8) return '6-8';
  if (count <= 13) return '9-13';
  return count <= 25 ? '14-25' : 'long';
}

/**
 * The named features of a normalised message (exposed for tests and for explaining a verdict). A number
 * stands as its size ("#2" for 10 to 99): an unseen number would otherwise take whatever weight its bucket
 * happens to hold.
 */
export function namedFeatures(normal: string, language: CrisisLanguage): string[] {
  const tokens = normal
    .split(' ')
    .filter(Boolean)
    .map((token) => (/^\d+$/.test(token) ? `#${Math.min(token.length, 3)}` : token));
  const out: string[] = ['bias'];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? '';
    if (token === '.') continue;
    out.push(`w:${token}`);
    const next = tokens[i + 1];
    if (next && next !== '.') out.push(`b:${token}_${next}`);
  }
  out.push(`len:${lengthBand(tokens.length)}`);
  const located = locateConcepts(tokens, language);
  const seen = new Set<string>();
  for (const { concept, at } of located) {
    if (concept === 'NEG') continue;
    const mark = isNegatedAt(located, at) ? `n:${concept}` : `k:${concept}`;
    if (!seen.has(mark)) out.push(mark);
    seen.add(mark);
  }
  for (let a = 0; a < located.length; a++) {
    const first = located[a];
    if (!first) continue;
    for (let b = a + 1; b < located.length; b++) {
      const second = located[b];
      if (!second || second.at - first.at > PAIR_WINDOW) break;
      if (second.concept === first.concept) continue;
      const pair =
        first.concept < second.concept
          ? `p:${first.concept}|${second.concept}`
          : `p:${second.concept}|${first.concept}`;
      if (!seen.has(pair)) out.push(pair);
      seen.add(pair);
    }
  }
  return out;
}

/** Bucket indices of a message's features; repeats are kept, so a word said twice counts twice. */
export function featureBuckets(normal: string, language: CrisisLanguage): number[] {
  return namedFeatures(normal, language).map(hashFeature);
}
