// A rough guess of a message's language from its commonest short words, for the learned layer.
//
// The rules read every message in both languages, since people mix them; the learned layer reads only the
// languages a message is plausibly in, because a Spanish text read as English is mostly unknown words, and
// such a reading is where its false alarms came from. Too few or too mixed clues: both languages. Words
// common to both ("me", "a", "no") are clues to neither.

import type { CrisisLanguage } from './crisis-types.js';
import { onFirstUse } from './on-first-use.js';

const CLUES = /* @__PURE__ */ onFirstUse(
  (): Readonly<Record<CrisisLanguage, ReadonlySet<string>>> => ({
    en: new Set(
      'the and i to my is it you of in that just so but not with for this what have be do am are was im dont cant its like want feel know he she they we your if all at on can will about'.split(
        ' ',
      ),
    ),
    es: new Set(
      'que de la el y me mi en lo ya se por con los las es un una pero mas estoy yo para esta tengo muy como le del al mis te eso todo nada quiero voy porque cuando hoy'.split(
        ' ',
      ),
    ),
  }),
);

/** The languages worth reading a message in: one when the clues agree, both otherwise. */
export function likelyLanguages(text: string): readonly CrisisLanguage[] {
  const words = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^a-z']+/)
    .map((word) => word.replace(/'/g, ''));
  const clues = CLUES();
  let en = 0;
  let es = 0;
  for (const word of words) {
    if (clues.en.has(word)) en++;
    if (clues.es.has(word)) es++;
  }
  if (en >= 2 && en >= 2 * es) return ['en'];
  if (es >= 2 && es >= 2 * en) return ['es'];
  return ['en', 'es'];
}
