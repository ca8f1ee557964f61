// Decides whether a message (an SMS or a speech transcript) should escalate to the crisis line, and why.
//
// Main course: normalise per language -> blank out idioms -> run the rules -> drop matches that are negated,
// distant past, fiction/news or a joke -> re-attribute to third-party danger when the subject is someone
// else -> report the most urgent kind. Alternate courses: empty text or nothing matching returns no
// escalation; the language, when known, is tried first and the other language after it, since callers
// mix languages and a missed crisis costs more than a second pass. The text itself is never returned.

import { type CompiledRule, compilePattern, compileRules } from './compile-rules.js';
import type { CrisisAssessment, CrisisKind, CrisisLanguage } from './crisis-types.js';
import {
  isAboutSomeoneElse,
  isDistantPast,
  isFictionOrNews,
  isJoking,
  isNegated,
  type MatchSpan,
} from './guards.js';
import { normaliseMessage } from './normalise.js';
import { IDIOMS_EN, RULES_EN } from './rules-en.js';
import { IDIOMS_ES, RULES_ES } from './rules-es.js';

export type { CrisisAssessment, CrisisKind } from './crisis-types.js';

/** Most urgent first: something already happening outranks a plan, which outranks a thought. */
const KIND_PRIORITY: readonly CrisisKind[] = [
  'overdose-or-medical',
  'abuse-or-immediate-danger',
  'third-party-danger',
  'danger-to-others',
  'means-or-method',
  'intent-or-plan',
  'self-harm',
  'farewell',
  'suicidal-ideation',
];

/** Kinds that describe the writer's own risk, and so become third-party danger when said of someone else. */
const SELF_KINDS: ReadonlySet<CrisisKind> = new Set([
  'suicidal-ideation',
  'intent-or-plan',
  'means-or-method',
  'self-harm',
  'farewell',
  'overdose-or-medical',
]);

/** Longer messages are cut: rules look at phrases, and a bound keeps the worst case fast. */
const MAX_CHARS = 4000;

interface LanguageRules {
  readonly rules: readonly CompiledRule[];
  readonly idioms: readonly RegExp[];
}

const RULES: Readonly<Record<CrisisLanguage, LanguageRules>> = {
  en: { rules: compileRules(RULES_EN), idioms: IDIOMS_EN.map((idiom) => compilePattern(idiom)) },
  es: { rules: compileRules(RULES_ES), idioms: IDIOMS_ES.map((idiom) => compilePattern(idiom)) },
};

const NO_CRISIS: CrisisAssessment = { escalate: false, kind: null, rule: null };

interface Finding {
  readonly kind: CrisisKind;
  readonly rule: string;
}

function tokenIndexAt(text: string, charIndex: number): number {
  let count = 0;
  for (let i = 0; i < charIndex; i++) if (text.charCodeAt(i) === 32) count++;
  return count;
}

function isSuppressed(
  rule: CompiledRule,
  span: MatchSpan,
  language: CrisisLanguage,
  joking: boolean,
): boolean {
  if (rule.weak && joking) return true;
  if (isNegated(span, language)) return true;
  if (isDistantPast(span, language)) return true;
  return isFictionOrNews(
    span,
    language,
    rule.kind === 'danger-to-others' || rule.kind === 'third-party-danger',
  );
}

function findInLanguage(text: string, language: CrisisLanguage): Finding | null {
  const { rules, idioms } = RULES[language];
  let normal = normaliseMessage(text, language);
  if (!normal) return null;
  for (const idiom of idioms) normal = normal.replace(idiom, '~');
  const tokens = normal.split(' ');
  const joking = isJoking(tokens);
  let best: Finding | null = null;
  let bestRank = KIND_PRIORITY.length;
  for (const rule of rules) {
    if (KIND_PRIORITY.indexOf(rule.kind) >= bestRank && rule.kind !== 'suicidal-ideation') continue;
    for (const match of normal.matchAll(rule.regex)) {
      const start = tokenIndexAt(normal, match.index);
      const end = start + match[0].split(' ').length - 1;
      const span: MatchSpan = { tokens, start, end };
      if (isSuppressed(rule, span, language, joking)) continue;
      const kind =
        SELF_KINDS.has(rule.kind) && isAboutSomeoneElse(span, language) ? 'third-party-danger' : rule.kind;
      const rank = KIND_PRIORITY.indexOf(kind);
      if (rank < bestRank) {
        best = { kind, rule: rule.id };
        bestRank = rank;
      }
      break;
    }
  }
  return best;
}

/** Whether to escalate, the kind and the matched rule id; never any part of the text. */
export function detectCrisis(text: string, language?: 'en' | 'es'): CrisisAssessment {
  const bounded = text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text;
  const order: readonly CrisisLanguage[] = language === 'es' ? ['es', 'en'] : ['en', 'es'];
  const first = language ?? null;
  let fallback: Finding | null = null;
  for (const candidate of order) {
    const finding = findInLanguage(bounded, candidate);
    if (!finding) continue;
    if (first === null || candidate === first) {
      if (!fallback || KIND_PRIORITY.indexOf(finding.kind) < KIND_PRIORITY.indexOf(fallback.kind))
        fallback = finding;
      if (first !== null) break;
      continue;
    }
    fallback ??= finding;
  }
  return fallback ? { escalate: true, kind: fallback.kind, rule: fallback.rule } : NO_CRISIS;
}
