// Turns what people type or what a recogniser hears into one canonical token stream per language.
//
// Lower case, no accents, emoji as words, leetspeak undone inside words, letter runs collapsed, contractions
// and slang expanded, key words corrected for typos, clause breaks kept as "." tokens for the guards.

import { collapsePatternSource, collapseRepeats } from './collapse.js';
import type { CrisisLanguage } from './crisis-types.js';
import { buildVocabulary, correctToken, type FuzzyVocabulary } from './fuzzy.js';
import {
  cliticSiblings,
  EMOJI_WORDS,
  EXPANSIONS_EN,
  EXPANSIONS_ES,
  FUZZY_WORDS,
  NEAR_MISS_WORDS,
  RAW_EXPANSIONS_EN,
} from './lexicon.js';
import { onFirstUse } from './on-first-use.js';

const LEET: Readonly<Record<string, string>> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
};

const VOCABULARY = /* @__PURE__ */ onFirstUse(
  (): FuzzyVocabulary =>
    buildVocabulary(
      FUZZY_WORDS.map(collapseRepeats),
      [...NEAR_MISS_WORDS, ...FUZZY_WORDS.flatMap(cliticSiblings)].map(collapseRepeats),
    ),
);

function collapseKeys(table: Readonly<Record<string, string>>): ReadonlyMap<string, string> {
  return new Map(Object.entries(table).map(([key, value]) => [collapseRepeats(key), collapseRepeats(value)]));
}

const EXPANSIONS = /* @__PURE__ */ onFirstUse(
  (): Readonly<Record<CrisisLanguage, ReadonlyMap<string, string>>> => ({
    en: collapseKeys(EXPANSIONS_EN),
    es: collapseKeys(EXPANSIONS_ES),
  }),
);

type PhraseFix = readonly [RegExp, string];

function phrase(source: string, replacement: string): PhraseFix {
  return [
    new RegExp(`(?<=^| )(?:${collapsePatternSource(source)})(?= |$)`, 'g'),
    collapseRepeats(replacement),
  ];
}

const SERIOUS = 'xserio';

const PHRASES = /* @__PURE__ */ onFirstUse(
  (): Readonly<Record<CrisisLanguage, readonly PhraseFix[]>> => ({
    en: [
      phrase('(my|him|her|your|it|one) (self|shelf)', '$1self'),
      phrase('them ?(selves|self)', 'themselves'),
      phrase(
        'sewer ?(slide|side)s?|sue (a )?side|sue aside|sue ?icide|sui side|soo ?side|suey side|sewer ?slid|su side|suicide ?sid',
        'suicide',
      ),
      phrase('suicide al|suicide all|suicide ?le', 'suicidal'),
      phrase('over (dose|dosed|dosing)', 'over$1'),
      phrase('be unalive', 'be dead'),
      phrase('kill yourself myself', 'kill myself'),
      phrase('never would i', 'i would never'),
      phrase('unalive(d)?', 'kill$1'),
      // A recogniser hears "end" as "in" or "and": "i want to in my life".
      phrase(
        '(want to|going to|wil|about to|ready to|need to|have to) (in|and) (my life|it al)',
        '$1 end $3',
      ),
      phrase('(want|going|need|have|ready|about) 2', '$1 to'),
      phrase('self ?delete|self ?destruct', 'kill myself'),
      phrase(
        '(to|on|urge|urges|no|of|from|about|with|and|the|relapsed|relapse|do|did|my) sh',
        '$1 self harm',
      ),
      phrase('sh (scars|urges|again|wounds|cuts|relapse)', 'self harm $1'),
      phrase(
        'not (going to|gona) lie|no lie|no joke|not (even )?(joking|kidding)|no cap|i mean it|seriously|for real|fr|honestly|no actually|actually i do|unless|(going to )?be real with you|being real|keeping it real|not my character',
        SERIOUS,
      ),
      phrase('(ha|he){2,}h?|lo+l+|lo+l(ol)+', 'lol'),
    ],
    es: [
      phrase('(suicidar|matar|quitar|morir|cortar|ahorcar|colgar|lastimar|tirar|aventar|herir) me', '$1me'),
      phrase('sui ?cidio|suisidio|suicido de', 'suicidio'),
      phrase('unalive|un alive', 'matarme'),
      phrase('sui (cidar|cidarme|cidarse)', 'sui$1'),
      phrase(
        'no es broma|no estoy bromeando|lo digo en serio|en serio|de verdad|neta|no miento|hablo en serio|no joke',
        SERIOUS,
      ),
      phrase('(ja|je|ji|js)(ja|je|ji|js)+j?|(ha|he){2,}h?|lol', 'lol'),
    ],
  }),
);

/** Contrast words open a new clause for the guards ("not suicidal, but tonight I have the pills"). */
const CLAUSE_OPENERS: Readonly<Record<CrisisLanguage, RegExp>> = {
  en: / (but|though|although|however|except|whereas) /g,
  es: / (pero|aunque|sino|mientras que|sin embargo) /g,
};

/** Numbers with a unit or an ordinal ("3am", "10mg", "2nd", "90s") are numbers, not leetspeak. */
const NUMBER_WITH_UNIT =
  /^\d+(?:am|pm|mg|ml|st|nd|rd|th|s|k|h|hr|hrs|min|mins|yo|x|lbs|kg|g|m|km|mi|ft|am|pm)$/;

function undoLeet(token: string): string {
  // Letters and digits mixed ("k1ll", "3nd", "1t") is leetspeak; "30", "3am" and "2nd" are numbers.
  if (!/[a-z]/.test(token) || !/[0-9@$]/.test(token) || NUMBER_WITH_UNIT.test(token)) return token;
  let out = '';
  for (const char of token) out += LEET[char] ?? char;
  return out;
}

function baseText(text: string, language: CrisisLanguage): string {
  let out = text;
  for (const [pattern, word] of EMOJI_WORDS[language]) out = out.replace(pattern, word);
  out = out
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
  out = out.replace(/\bod(?:\s*['’`´]\s*(?:d|ed|ing)|ed|ing)\b/g, 'overdosed');
  out = out.replace(/['’`´]/g, '');
  // Quotation marks join rather than split: a quoted lyric stays in the clause that says it is a lyric.
  out = out.replace(/["“”«»]/g, ' ');
  return out.replace(/[.!?;,:\n\r\u2026()[\]{}¿¡|/\\]+|\s-\s/g, ' . ');
}

function expandToken(raw: string, language: CrisisLanguage): string {
  if (language === 'en') {
    const exact = RAW_EXPANSIONS_EN[raw];
    if (exact) return exact;
  }
  let token = collapseRepeats(undoLeet(raw));
  if (language === 'es') token = token.replace(/k(?=[ei])/g, 'qu');
  const expanded = EXPANSIONS()[language].get(token);
  if (expanded) return expanded;
  return correctToken(token, VOCABULARY());
}

/** The canonical form of a message for one language's rules: space-separated tokens, "." between clauses. */
export function normaliseMessage(text: string, language: CrisisLanguage): string {
  const tokens: string[] = [];
  for (const chunk of baseText(text, language).split(/\s+/)) {
    if (chunk === '.') {
      if (tokens.length > 0 && tokens[tokens.length - 1] !== '.') tokens.push('.');
      continue;
    }
    for (const raw of chunk.split(/[^a-z0-9@$]+/)) {
      if (raw) tokens.push(expandToken(raw, language));
    }
  }
  let joined = tokens.join(' ');
  for (const [pattern, replacement] of PHRASES()[language]) joined = joined.replace(pattern, replacement);
  joined = ` ${joined} `.replace(CLAUSE_OPENERS[language], ' . $1 ').trim();
  return joined.replace(/(?: \.)+(?= \.)/g, '').replace(/^\. |^\.$| \.$/g, '');
}

export const SERIOUS_MARKER = SERIOUS;
