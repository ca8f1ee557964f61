// Measures the crisis detector on the labelled corpora and pins the behaviours a warmline relies on.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { detectCrisis } from '../../../flows/crisis/detect-crisis.js';

const LabelledMessageSchema = z.object({
  text: z.string(),
  lang: z.enum(['en', 'es']),
  crisis: z.boolean(),
  kind: z.string().nullable(),
});
type LabelledMessage = z.infer<typeof LabelledMessageSchema>;

function loadCorpus(name: string): LabelledMessage[] {
  const path = fileURLToPath(new URL(`./${name}`, import.meta.url));
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => LabelledMessageSchema.parse(JSON.parse(line)));
}

interface Figures {
  readonly recall: number;
  readonly falsePositiveRate: number;
  readonly missed: readonly string[];
  readonly falseAlarms: readonly string[];
}

function measure(messages: readonly LabelledMessage[]): Figures {
  const crises = messages.filter((message) => message.crisis);
  const safe = messages.filter((message) => !message.crisis);
  const missed = crises.filter((message) => !detectCrisis(message.text, message.lang).escalate);
  const falseAlarms = safe.filter((message) => detectCrisis(message.text, message.lang).escalate);
  return {
    recall: (crises.length - missed.length) / crises.length,
    falsePositiveRate: falseAlarms.length / safe.length,
    missed: missed.map((message) => message.text),
    falseAlarms: falseAlarms.map((message) => message.text),
  };
}

function report(label: string, messages: readonly LabelledMessage[]): Figures {
  const figures = measure(messages);
  console.log(
    `${label}: n=${messages.length} recall=${figures.recall.toFixed(3)} FPR=${figures.falsePositiveRate.toFixed(3)}` +
      (figures.missed.length ? `\n  missed: ${figures.missed.join(' | ')}` : '') +
      (figures.falseAlarms.length ? `\n  false alarms: ${figures.falseAlarms.join(' | ')}` : ''),
  );
  return figures;
}

const corpus = loadCorpus('corpus.jsonl');
const secondSet = loadCorpus('holdout.jsonl');

describe('detectCrisis on the labelled corpora', () => {
  for (const [name, messages] of [
    ['corpus', corpus],
    ['second set', secondSet],
  ] as const) {
    it(`reaches recall 0.97 and FPR 0.05 on the ${name}, overall and per language`, () => {
      const overall = report(`${name} overall`, messages);
      const english = report(
        `${name} en`,
        messages.filter((message) => message.lang === 'en'),
      );
      const spanish = report(
        `${name} es`,
        messages.filter((message) => message.lang === 'es'),
      );

      for (const figures of [overall, english, spanish]) {
        expect(figures.recall).toBeGreaterThanOrEqual(0.97);
        expect(figures.falsePositiveRate).toBeLessThanOrEqual(0.05);
      }
    });
  }

  it('keeps the corpus large, bilingual and about 45% crisis across all nine kinds', () => {
    const crisisShare = corpus.filter((message) => message.crisis).length / corpus.length;
    const kinds = new Set(corpus.map((message) => message.kind).filter((kind) => kind !== null));

    expect(corpus.length).toBeGreaterThanOrEqual(450);
    expect(crisisShare).toBeGreaterThan(0.4);
    expect(crisisShare).toBeLessThan(0.5);
    expect(kinds.size).toBe(9);
    expect(corpus.filter((message) => message.lang === 'es').length).toBeGreaterThan(corpus.length * 0.4);
  });

  it('never puts any of the message text into its verdict', () => {
    for (const message of [...corpus, ...secondSet]) {
      const verdict = detectCrisis(message.text, message.lang);
      const serialised = JSON.stringify(verdict);

      expect(Object.keys(verdict).sort()).toEqual(['escalate', 'kind', 'rule']);
      expect(serialised.includes(message.text)).toBe(false);
    }
  });
});

describe('detectCrisis behaviour', () => {
  it('escalates plain suicidal ideation in both languages', () => {
    expect(detectCrisis('I want to die', 'en')).toMatchObject({ escalate: true, kind: 'suicidal-ideation' });
    expect(detectCrisis('me quiero morir', 'es')).toMatchObject({
      escalate: true,
      kind: 'suicidal-ideation',
    });
  });

  it('respects negation within its clause', () => {
    expect(detectCrisis('not suicidal, just lonely', 'en').escalate).toBe(false);
    expect(detectCrisis("I don't want to hurt myself, I just need to talk", 'en').escalate).toBe(false);
    expect(detectCrisis('no soy suicida, solo estoy triste', 'es').escalate).toBe(false);
  });

  it('still escalates when a negation sits in another clause', () => {
    expect(detectCrisis("I'm not ok, I want to die", 'en').escalate).toBe(true);
    expect(detectCrisis('not gonna lie i want to kill myself', 'en').escalate).toBe(true);
  });

  it('ignores idioms about exams, coffee, laughing and heat', () => {
    for (const [text, language] of [
      ['this exam is killing me', 'en'],
      ["I'm dead lol", 'en'],
      ['I could kill for a coffee', 'en'],
      ['killing it at work', 'en'],
      ['dying to see the movie', 'en'],
      ['me muero de risa', 'es'],
      ['me muero de hambre', 'es'],
      ['me mata el calor', 'es'],
    ] as const) {
      expect(detectCrisis(text, language).escalate, text).toBe(false);
    }
  });

  it('lets recovered past pass but escalates present risk in the same message', () => {
    expect(detectCrisis("I attempted ten years ago and I'm doing well", 'en').escalate).toBe(false);
    expect(detectCrisis('I attempted years ago and tonight I have the pills ready', 'en')).toMatchObject({
      escalate: true,
      kind: 'means-or-method',
    });
  });

  it('reads leetspeak, elongation and emoji', () => {
    expect(detectCrisis('gonna k1ll mys3lf', 'en').escalate).toBe(true);
    expect(detectCrisis('i want to diiiieeee', 'en').escalate).toBe(true);
    expect(detectCrisis('i have 💊💊💊 ready for tonight', 'en')).toMatchObject({
      escalate: true,
      kind: 'means-or-method',
    });
  });

  it('reads Spanish typed without accents or with slang spellings', () => {
    expect(detectCrisis('ojala no despertar manana', 'es').escalate).toBe(true);
    expect(detectCrisis('m voy a suisidar', 'es')).toMatchObject({ escalate: true, kind: 'intent-or-plan' });
    expect(detectCrisis('kiero morirme', 'es').escalate).toBe(true);
  });

  it('tolerates misspelt key words', () => {
    expect(detectCrisis('feeling sucidal', 'en').escalate).toBe(true);
    expect(detectCrisis('i think i overdoesd', 'en').escalate).toBe(true);
  });

  it('attributes danger to others, third parties, abuse and overdose', () => {
    expect(detectCrisis("my friend said she's going to kill herself", 'en').kind).toBe('third-party-danger');
    expect(detectCrisis("I'm going to hurt him", 'en').kind).toBe('danger-to-others');
    expect(detectCrisis("he's hitting me right now", 'en').kind).toBe('abuse-or-immediate-danger');
    expect(detectCrisis('me está pegando', 'es').kind).toBe('abuse-or-immediate-danger');
    expect(detectCrisis('I took 30 pills', 'en').kind).toBe('overdose-or-medical');
    expect(detectCrisis('me tomé todas las pastillas', 'es').kind).toBe('overdose-or-medical');
  });

  it('does not escalate ordinary medication talk', () => {
    expect(detectCrisis('I took my pills this morning', 'en').escalate).toBe(false);
    expect(detectCrisis('me tome dos ibuprofenos', 'es').escalate).toBe(false);
  });

  it('tries both languages when the language is unknown', () => {
    expect(detectCrisis('ya no quiero vivir').escalate).toBe(true);
    expect(detectCrisis('I want to end my life').escalate).toBe(true);
    expect(detectCrisis('').escalate).toBe(false);
  });

  it('classifies 1,000 messages well within a second', () => {
    const messages = Array.from({ length: 1000 }, (_, i) => corpus[i % corpus.length]?.text ?? '');

    const started = performance.now();
    for (const text of messages) detectCrisis(text);
    const elapsed = performance.now() - started;

    console.log(`1,000 messages in ${elapsed.toFixed(1)} ms (${(elapsed / 1000).toFixed(3)} ms per message)`);
    expect(elapsed).toBeLessThan(1000);
  });
});
