// Shared types for the crisis detector: the kinds it reports, its verdict, and the shape of a rule.

export type CrisisKind =
  | 'suicidal-ideation'
  | 'intent-or-plan'
  | 'means-or-method'
  | 'self-harm'
  | 'farewell'
  | 'overdose-or-medical'
  | 'third-party-danger'
  | 'danger-to-others'
  | 'abuse-or-immediate-danger';

/** `crisis` escalates now; `concern` flags the contact so the volunteer asks directly and it is offered first. */
export type CrisisTier = 'crisis' | 'concern';

/** What a concern is about, for the volunteer's prompt and the report; never the words themselves. */
export type ConcernKind = 'hopelessness' | 'burden' | 'death-talk' | 'self-harm-talk' | 'distress';

export interface CrisisAssessment {
  /** True exactly when the tier is `crisis`. */
  readonly escalate: boolean;
  readonly tier: CrisisTier | null;
  /** Set only for the concern tier. */
  readonly concern: ConcernKind | null;
  readonly kind: CrisisKind | null;
  readonly rule: string | null;
}

export type CrisisLanguage = 'en' | 'es';

/** A rule as written in the data files: a pattern over normalised text (see normalise.ts). */
export interface RuleSpec {
  readonly id: string;
  readonly kind: CrisisKind;
  readonly pattern: string;
  /** Hyperbole-prone phrasing ("I want to die lol"): a joke marker without a "not joking" marker cancels it. */
  readonly weak?: boolean;
}

/** One language's rules and the idioms blanked out before they run. */
export interface LanguageRuleSpecs {
  readonly idioms: readonly string[];
  readonly rules: readonly RuleSpec[];
}
