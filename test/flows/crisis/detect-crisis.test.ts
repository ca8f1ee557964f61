// Measures the crisis detector on the labelled corpora and pins the behaviours a warmline relies on.
//
// Three views: the corpus the learned layer is trained on (a check that it learned), the project's held-back
// set (never trained on), and the shared development set written independently of both (never trained on,
// read only for error analysis). Figures are printed per language, channel and kind for each.

import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { measureClassifyLatency } from '../../../bench/classify-latency.js';
import { type CorpusMessage, loadCorpus } from '../../../flows/crisis/corpus.js';
import { detectCrisis } from '../../../flows/crisis/detect-crisis.js';
import { namedFeatures } from '../../../flows/crisis/features.js';

function readLocal(name: string): string {
  return readFileSync(fileURLToPath(new URL(`./${name}`, import.meta.url)), 'utf8');
}

const DevRowSchema = z.object({
  text: z.string(),
  lang: z.enum(['en', 'es']),
  escalate: z.boolean(),
  category: z.string(),
  channel: z.enum(['sms', 'voice']),
});

const DEV_PATH = fileURLToPath(new URL('../../../../shared/crisis/dev.jsonl', import.meta.url));

/** The shared development set in the corpus's shape; its category stands where the corpus has a kind. */
function loadDevelopmentSet(): CorpusMessage[] {
  return readFileSync(DEV_PATH, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => DevRowSchema.parse(JSON.parse(line)))
    .map((row) => ({
      text: row.text,
      lang: row.lang,
      crisis: row.escalate,
      kind: row.escalate ? row.category : null,
      category: row.category,
      channel: row.channel,
    }));
}

interface Figures {
  readonly recall: number;
  readonly falsePositiveRate: number;
}

function rate(part: number, whole: number): number {
  return whole === 0 ? Number.NaN : part / whole;
}

/** Each message is classified once; every slice's figures are read from those verdicts. */
function measure(messages: readonly CorpusMessage[], flagged: ReadonlyMap<CorpusMessage, boolean>): Figures {
  const crises = messages.filter((message) => message.crisis).length;
  const caught = messages.filter((message) => message.crisis && flagged.get(message)).length;
  const falseAlarms = messages.filter((message) => !message.crisis && flagged.get(message)).length;
  return {
    recall: rate(caught, crises),
    falsePositiveRate: rate(falseAlarms, messages.length - crises),
  };
}

function slices(messages: readonly CorpusMessage[]): Record<string, CorpusMessage[]> {
  const out: Record<string, CorpusMessage[]> = { overall: [...messages] };
  const add = (key: string, message: CorpusMessage) => {
    out[key] ??= [];
    out[key].push(message);
  };
  for (const message of messages) {
    add(`lang ${message.lang}`, message);
    if (message.channel) add(`channel ${message.channel}`, message);
    if (message.category) add(`category ${message.category}`, message);
    else if (message.kind) add(`kind ${message.kind}`, message);
    if (message.category?.startsWith('hard-')) add('hard negatives', message);
  }
  return out;
}

function report(label: string, messages: readonly CorpusMessage[]): Record<string, Figures> {
  const flagged = new Map(
    messages.map((message) => [message, detectCrisis(message.text, message.lang).escalate]),
  );
  const figures: Record<string, Figures> = {};
  const lines = [`${label} (${messages.length} messages)`];
  for (const [name, slice] of Object.entries(slices(messages))) {
    const measured = measure(slice, flagged);
    figures[name] = measured;
    const recall = Number.isNaN(measured.recall) ? '' : ` recall ${measured.recall.toFixed(3)}`;
    const fpr = Number.isNaN(measured.falsePositiveRate)
      ? ''
      : ` FPR ${measured.falsePositiveRate.toFixed(3)}`;
    lines.push(`  ${name.padEnd(34)} n=${String(slice.length).padStart(4)}${recall}${fpr}`);
  }
  console.log(lines.join('\n'));
  return figures;
}

function figure(figures: Record<string, Figures>, name: string): Figures {
  const found = figures[name];
  if (!found) throw new Error(`no slice ${name}`);
  return found;
}

/** The bar the line holds itself to on a set it never trained on: a missed crisis is the worst failure. */
const DEV_BAR = { recall: 0.97, spanishRecall: 0.95, falsePositiveRate: 0.05, hardFalsePositiveRate: 0.1 };

const corpus = loadCorpus(readLocal('corpus.jsonl'));
const secondSet = loadCorpus(readLocal('holdout.jsonl'));

describe('detectCrisis on the labelled corpora', () => {
  it('reaches recall 0.97 and FPR 0.05 on the training corpus, per language', () => {
    const figures = report('training corpus', corpus);

    for (const name of ['overall', 'lang en', 'lang es']) {
      expect(figure(figures, name).recall, name).toBeGreaterThanOrEqual(0.97);
      expect(figure(figures, name).falsePositiveRate, name).toBeLessThanOrEqual(0.05);
    }
  });

  it('reaches recall 0.97 and FPR 0.05 on the held-back set it never trained on', () => {
    const figures = report('held-back set', secondSet);

    expect(figure(figures, 'overall').recall).toBeGreaterThanOrEqual(0.97);
    expect(figure(figures, 'overall').falsePositiveRate).toBeLessThanOrEqual(0.05);
  });

  it.runIf(existsSync(DEV_PATH))('meets the bar on the independent development set', () => {
    const figures = report('development set', loadDevelopmentSet());

    expect(figure(figures, 'overall').recall).toBeGreaterThanOrEqual(DEV_BAR.recall);
    expect(figure(figures, 'lang es').recall).toBeGreaterThanOrEqual(DEV_BAR.spanishRecall);
    expect(figure(figures, 'overall').falsePositiveRate).toBeLessThanOrEqual(DEV_BAR.falsePositiveRate);
    expect(figure(figures, 'hard negatives').falsePositiveRate).toBeLessThanOrEqual(
      DEV_BAR.hardFalsePositiveRate,
    );
  });

  it('keeps the corpus large, bilingual, with concern rows and hard negatives', () => {
    const spanish = corpus.filter((message) => message.lang === 'es').length;
    const kinds = new Set(corpus.map((message) => message.kind).filter((kind) => kind !== null));

    expect(corpus.length).toBeGreaterThanOrEqual(2000);
    expect(kinds.size).toBe(9);
    expect(spanish).toBeGreaterThan(corpus.length * 0.35);
    expect(corpus.filter((message) => message.tier === 'concern').length).toBeGreaterThanOrEqual(150);
    expect(corpus.filter((message) => message.category?.startsWith('hard-')).length).toBeGreaterThanOrEqual(
      400,
    );
  });

  it('never puts any of the message text into its verdict', () => {
    // Every fourth corpus message and the whole held-back set: enough shapes, and a quarter of the time.
    for (const message of [...corpus.filter((_, i) => i % 4 === 0), ...secondSet]) {
      const verdict = detectCrisis(message.text, message.lang);
      const serialised = JSON.stringify(verdict);

      expect(Object.keys(verdict).sort()).toEqual(['concern', 'escalate', 'kind', 'rule', 'tier']);
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

  it('reads every number as its size, so an unseen number cannot tip the learned layer', () => {
    expect(namedFeatures('just a note 117', 'en')).toEqual(namedFeatures('just a note 942', 'en'));
    expect(namedFeatures('i took 30 pills', 'en')).not.toEqual(namedFeatures('i took 3 pills', 'en'));
    for (let n = 0; n < 2000; n += 7)
      expect(detectCrisis(`just a note ${n}`).escalate, String(n)).toBe(false);
  });

  it('tries both languages when the language is unknown', () => {
    expect(detectCrisis('ya no quiero vivir').escalate).toBe(true);
    expect(detectCrisis('I want to end my life').escalate).toBe(true);
    expect(detectCrisis('').escalate).toBe(false);
  });

  it('classifies a message in under a millisecond at the 99th percentile', () => {
    const latency = measureClassifyLatency(corpus.slice(0, 1000).map((message) => message.text));

    console.log(`classify p50 ${latency.p50Ms.toFixed(3)} ms, p99 ${latency.p99Ms.toFixed(3)} ms`);
    expect(latency.p99Ms).toBeLessThan(1);
  });
});
