// What a line starts with before coordinators edit anything, as plain values. The schemas that check an edit
// live beside the admin API (line-settings.ts and the schemas it composes); keeping these apart means the
// webhook, which only reads settings, never builds those validators at cold start (about 260 zod schemas).
import type { LineSettings, LineSettingsPatch, WrapUpCode, WrapUpCodes } from './line-settings.js';
import type { LineHours } from './roster/roster-schema.js';
import type { SurveySettings } from './survey/survey-settings.js';

/**
 * Twilio plays a whole <Play> file, so a clip longer than this could hold a caller past the maximum wait:
 * the hold loop repeats a short clip instead, and its length bounds how late the overflow can come.
 */
export const MAX_HOLD_CLIP_SECONDS = 10;

/**
 * Seconds of hold audio between a waiting caller's messages (their place, the keys, reassurance): about a
 * minute from one message to the next once they are spoken, as queues commonly space them. Each turn is a
 * webhook, so a shorter loop costs a call more requests and reads without telling the caller anything new.
 */
export const DEFAULT_HOLD_LOOP_SECONDS = 40;

/**
 * Deploy-time hours until coordinators set their own: every day 08:00 to midnight. Warmline calls peak in
 * the evening and late at night, when loneliness is worst and daytime services are shut, so the default
 * runs to midnight; the small hours are left closed because few volunteer teams can staff them, and a
 * closed line still points callers to the 24-hour crisis line.
 */
export const DEFAULT_LINE_HOURS: LineHours = {
  alwaysOpen: false,
  windows: (['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const).map((day) => ({
    day,
    start: '08:00',
    end: '24:00',
  })),
  holidays: [],
};

const code = (id: string, key: string, en: string, es: string): WrapUpCode => ({
  id,
  key,
  label: { en, es },
});

export const DEFAULT_WRAP_UP_CODES: WrapUpCodes = {
  enabled: true,
  topics: [
    code('loneliness', '1', 'loneliness', 'soledad'),
    code('anxiety', '2', 'anxiety', 'ansiedad'),
    code('relationships', '3', 'relationships', 'relaciones'),
    code('grief', '4', 'grief', 'duelo'),
    code('substance-use', '5', 'substance use', 'consumo de sustancias'),
    code('housing', '6', 'housing', 'vivienda'),
    code('physical-health', '7', 'physical health', 'salud física'),
    code('other', '9', 'other', 'otro tema'),
  ],
  referrals: [
    code('none', '0', 'no referral', 'ninguna derivación'),
    code('mental-health', '1', 'mental-health service', 'servicio de salud mental'),
    code('crisis-line', '2', 'crisis line', 'línea de crisis'),
    code('social-services', '3', 'social services', 'servicios sociales'),
    code('medical', '4', 'medical care', 'atención médica'),
    code('peer-group', '5', 'peer group', 'grupo de apoyo'),
  ],
};

export const DEFAULT_SURVEY: SurveySettings = {
  enabled: false,
  questions: [
    {
      id: 'better',
      kind: 'scale1to5',
      text: {
        en: 'Do you feel a little better than before? Reply 1 (not at all) to 5 (much better).',
        es: '¿Se siente un poco mejor que antes? Responda del 1 (nada) al 5 (mucho mejor).',
      },
    },
    {
      id: 'again',
      kind: 'yesNo',
      text: {
        en: 'Would you contact us again? Reply Y or N.',
        es: '¿Volvería a contactarnos? Responda S o N.',
      },
    },
  ],
  intro: {
    en: 'Thank you for texting us. Two quick questions, answered anonymously (skip them by not replying):',
    es: 'Gracias por escribirnos. Dos preguntas rápidas, con respuesta anónima (puede no responder):',
  },
  thanks: {
    en: 'Thank you. Your answers help us. You can text us any time.',
    es: 'Gracias. Sus respuestas nos ayudan. Puede escribirnos cuando quiera.',
  },
};

export function applySettingsPatch(
  defaults: LineSettings,
  patch: LineSettingsPatch | undefined,
): LineSettings {
  return patch ? { ...defaults, ...patch } : defaults;
}
