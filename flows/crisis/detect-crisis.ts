// Decides whether a message (an SMS or a speech transcript) should escalate to the crisis line, and why.
//
// Main course: normalise per language -> blank out idioms -> run the rules -> drop matches that are negated,
// distant past, fiction/news or a joke -> re-attribute to third-party danger when the subject is someone
// else -> report the most urgent kind. Alternate courses: empty text or nothing matching returns no
// escalation; the language, when known, is tried first and the other language after it, since callers
// mix languages and a missed crisis costs more than a second pass. The text itself is never returned.

import { type CompiledRule, compilePattern, compileRules } from './compile-rules.js';
import type { CrisisAssessment, CrisisKind, CrisisLanguage, LanguageRuleSpecs } from './crisis-types.js';
import { featureBuckets, hashFeature, namedFeatures } from './features.js';
import {
  isAboutSomeoneElse,
  isAnsweredNo,
  isBenignActivity,
  isDistantPast,
  isFictionOrNews,
  isJoking,
  isNegated,
  isTopicTalk,
  type MatchSpan,
} from './guards.js';
import { likelyLanguages } from './guess-language.js';
import { concernFromConcepts, kindFromConcepts } from './kind-from-concepts.js';
import { decodeModel, type LinearModel, probability } from './linear-model.js';
import { CONCERN_MODEL, CRISIS_MODEL } from './model-weights.js';
import { normaliseMessage } from './normalise.js';
import { onFirstUse } from './on-first-use.js';
import { englishRuleSpecs } from './rules-en.js';
import { spanishRuleSpecs } from './rules-es.js';

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

function compileLanguage({ rules, idioms }: LanguageRuleSpecs): LanguageRules {
  return { rules: compileRules(rules), idioms: idioms.map((idiom) => compilePattern(idiom)) };
}

const RULES = /* @__PURE__ */ onFirstUse(
  (): Readonly<Record<CrisisLanguage, LanguageRules>> => ({
    en: compileLanguage(englishRuleSpecs()),
    es: compileLanguage(spanishRuleSpecs()),
  }),
);

const NO_CRISIS: CrisisAssessment = { escalate: false, tier: null, kind: null, rule: null, concern: null };

interface Finding {
  readonly kind: CrisisKind;
  readonly rule: string;
}

function tokenIndexAt(text: string, charIndex: number): number {
  let count = 0;
  for (let i = 0; i < charIndex; i++) if (text.charCodeAt(i) === 32) count++;
  return count;
}

type Suppression = 'joke' | 'negated' | 'past' | 'fiction' | 'answered-no' | 'activity' | 'topic';

/** Why a match does not count, or null when it does. */
function suppression(
  rule: CompiledRule,
  span: MatchSpan,
  language: CrisisLanguage,
  joking: boolean,
): Suppression | null {
  if (rule.weak && joking) return 'joke';
  if (isNegated(span, language)) return 'negated';
  if (isDistantPast(span, language)) return 'past';
  if (isAnsweredNo(span, language)) return 'answered-no';
  if (isTopicTalk(span, language)) return 'topic';
  if (rule.kind === 'means-or-method' && isBenignActivity(span, language)) return 'activity';
  const wholeClause = rule.kind === 'danger-to-others' || rule.kind === 'third-party-danger';
  return isFictionOrNews(span, language, wholeClause) ? 'fiction' : null;
}

/** The normalised text with idioms blanked to "~": what the rules and the learned layer both read. */
export function canonicalText(text: string, language: CrisisLanguage): string {
  let normal = normaliseMessage(text, language);
  for (const idiom of RULES()[language].idioms) normal = normal.replace(idiom, '~');
  return normal;
}

/**
 * The most urgent rule that holds, and the evidence of every match for the learned layer: `r:<kind>` for a
 * match that holds, `s:<why>` for one a guard cancelled, so the model learns how far to trust each.
 */
function scanRules(
  normal: string,
  language: CrisisLanguage,
): { finding: Finding | null; evidence: string[] } {
  const tokens = normal.split(' ');
  const joking = isJoking(tokens);
  const evidence: string[] = [];
  let finding: Finding | null = null;
  let bestRank = KIND_PRIORITY.length;
  for (const rule of RULES()[language].rules) {
    for (const match of normal.matchAll(rule.regex)) {
      const start = tokenIndexAt(normal, match.index);
      const end = start + match[0].split(' ').length - 1;
      const span: MatchSpan = { tokens, start, end };
      const why = suppression(rule, span, language, joking);
      if (why) {
        evidence.push(`s:${why}`);
        continue;
      }
      const kind =
        SELF_KINDS.has(rule.kind) && isAboutSomeoneElse(span, language) ? 'third-party-danger' : rule.kind;
      evidence.push(`r:${kind}`);
      const rank = KIND_PRIORITY.indexOf(kind);
      if (rank < bestRank) {
        finding = { kind, rule: rule.id };
        bestRank = rank;
      }
      break;
    }
  }
  return { finding, evidence };
}

/** Everything the learned layer reads of one language's reading: its features and the rules' evidence. */
export function learnedFeatures(
  text: string,
  language: CrisisLanguage,
): { normal: string; buckets: number[]; finding: Finding | null } {
  const normal = canonicalText(text, language);
  const { finding, evidence } = scanRules(normal, language);
  return { normal, finding, buckets: bucketsOf(normal, language, evidence) };
}

function bucketsOf(normal: string, language: CrisisLanguage, evidence: readonly string[]): number[] {
  return [...featureBuckets(normal, language), ...evidence.map(hashFeature)];
}

/** How sure each layer is, for one language's reading of the message. */
interface Reading {
  readonly finding: Finding | null;
  readonly crisis: number;
  readonly concern: number;
  readonly normal: string;
  readonly language: CrisisLanguage;
}

const MODELS = /* @__PURE__ */ onFirstUse(() => {
  const crisis = decodeModel(CRISIS_MODEL);
  return { crisis, concern: decodeModel(CONCERN_MODEL, crisis.quantized) };
});

/** One language's reading; the learned layer's features are built only where it reads that language. */
function read(text: string, language: CrisisLanguage, learned: boolean): Reading | null {
  const normal = canonicalText(text, language);
  if (!normal) return null;
  const { finding, evidence } = scanRules(normal, language);
  const buckets = learned ? bucketsOf(normal, language, evidence) : [];
  return {
    finding,
    crisis: learned ? probability(MODELS().crisis.weights, buckets) : 0,
    concern: learned ? probability(MODELS().concern.weights, buckets) : 0,
    normal,
    language,
  };
}

/** The languages the learned layer reads a message in: its likely ones, and the contact's own. */
export function learnedLanguages(text: string, language?: CrisisLanguage): ReadonlySet<CrisisLanguage> {
  const languages = new Set(likelyLanguages(text));
  if (language) languages.add(language);
  return languages;
}

function severity(reading: Reading): number {
  const { crisis, concern } = MODELS();
  if (reading.finding || reading.crisis >= crisis.threshold) return 2;
  return reading.concern >= concern.threshold ? 1 : 0;
}

/** What the learned layer leaned on most, named by feature, so a verdict says why. */
function learnedRule(reading: Reading, model: LinearModel, tier: 'crisis' | 'concern'): string {
  const top = namedFeatures(reading.normal, reading.language)
    .filter((name) => name.startsWith('k:') || name.startsWith('p:'))
    .map((name) => ({ name, weight: model.weights[hashFeature(name)] ?? 0 }))
    .sort((a, b) => b.weight - a.weight)[0];
  return `${reading.language}.learned.${tier}${top && top.weight > 0 ? `.${top.name.slice(2)}` : ''}`;
}

/** Whether to escalate, the tier, the kind and what fired; never any part of the text. */
export function detectCrisis(text: string, language?: 'en' | 'es'): CrisisAssessment {
  const bounded = text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text;
  const order: readonly CrisisLanguage[] = language === 'es' ? ['es', 'en'] : ['en', 'es'];
  const learned = learnedLanguages(bounded, language);
  let best: Reading | null = null;
  for (const candidate of order) {
    const reading = read(bounded, candidate, learned.has(candidate));
    if (reading && (!best || severity(reading) > severity(best))) best = reading;
  }
  if (!best) return NO_CRISIS;
  const tier = severity(best);
  if (tier === 2) {
    const kind = best.finding?.kind ?? kindFromConcepts(best.normal, best.language);
    const rule = best.finding?.rule ?? learnedRule(best, MODELS().crisis, 'crisis');
    return { escalate: true, tier: 'crisis', kind, rule, concern: null };
  }
  if (tier === 1) {
    const concern = concernFromConcepts(best.normal, best.language);
    return {
      escalate: false,
      tier: 'concern',
      kind: null,
      rule: learnedRule(best, MODELS().concern, 'concern'),
      concern,
    };
  }
  return NO_CRISIS;
}
