// Names the kind of a crisis the learned layer found, from the risk concepts in the message.
//
// The learned layer says how likely a crisis is, not which kind; the kind decides the wording of the
// clinician's alert and the report, so it is read from the concepts in the same urgency order as the rules.

import { type Concept, conceptsOf } from './concepts.js';
import type { ConcernKind, CrisisKind, CrisisLanguage } from './crisis-types.js';

const MEANS: readonly Concept[] = [
  'GUN',
  'ROPE',
  'BLADE',
  'HEIGHT',
  'GARAGE',
  'POISON',
  'TRAFFIC',
  'DEATHEMOJI',
];

function conceptsIn(normal: string, language: CrisisLanguage): (...concepts: Concept[]) => boolean {
  const present = new Set<Concept>();
  for (const token of normal.split(' '))
    for (const concept of conceptsOf(token, language)) present.add(concept);
  return (...concepts: Concept[]) => concepts.some((concept) => present.has(concept));
}

/** What a concern is about, so the volunteer can ask about the right thing. */
export function concernFromConcepts(normal: string, language: CrisisLanguage): ConcernKind {
  const has = conceptsIn(normal, language);
  if (has('BURDEN')) return 'burden';
  if (has('DIE', 'DEAD', 'KILL', 'SUICIDE', 'DEATHEMOJI')) return 'death-talk';
  if (has('CUT', 'HURT', 'BLOOD')) return 'self-harm-talk';
  if (has('HOPELESS', 'NOPOINT', 'DONE', 'ANYMORE', 'END', 'LEAVE')) return 'hopelessness';
  return 'distress';
}

export function kindFromConcepts(normal: string, language: CrisisLanguage): CrisisKind {
  const has = conceptsIn(normal, language);
  if (has('DRUG', 'DOSE') && has('SWALLOW', 'SYMPTOM', 'ALCOHOL', 'MANY')) return 'overdose-or-medical';
  if (has('ABUSE', 'THREAT', 'HIDE')) return 'abuse-or-immediate-danger';
  if (has('THIRD', 'KIN') && !has('ME', 'SELF')) return 'third-party-danger';
  if (has(...MEANS) || has('DRUG')) return 'means-or-method';
  if (has('CUT', 'HURT') && has('BODY', 'BLOOD', 'SELF')) return 'self-harm';
  if (has('FAREWELL', 'LETTER', 'GIVEAWAY', 'SORRY')) return 'farewell';
  if (has('NOW', 'SOON', 'READY', 'PLAN')) return 'intent-or-plan';
  return 'suicidal-ideation';
}
