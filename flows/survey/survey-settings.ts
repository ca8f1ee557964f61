// The post-contact survey coordinators set up: off until they turn it on, two or three short questions.
import * as z from '../zod-mini.js';

/** Texted words, not spoken: a text message's length bounds them, and markup is refused as elsewhere. */
const surveyWording = z
  .string()
  .check(
    z.trim(),
    z.minLength(1, 'must not be empty'),
    z.maxLength(300, 'must be at most 300 characters'),
    z.regex(/^[^<>]*$/, 'must not contain < or > (plain words only, no markup)'),
  );

/** Every texted word exists in both languages the line serves. */
const BothLanguagesSchema = z.object({ en: surveyWording, es: surveyWording });

export const SurveyQuestionSchema = z.object({
  /** Stable across wording edits, so the report keeps counting the same question. */
  id: z
    .string()
    .check(
      z.regex(/^[a-z0-9-]{1,32}$/, 'must be a short id of lower-case letters, digits or - (at most 32)'),
    ),
  kind: z.enum(['scale1to5', 'yesNo'], { error: 'must be scale1to5 (1 to 5) or yesNo (Y or N)' }),
  text: BothLanguagesSchema,
});

export const SurveySettingsSchema = z.object({
  /** Off by default: asking people afterwards is something a line decides to do. */
  enabled: z.boolean(),
  questions: z.array(SurveyQuestionSchema).check(
    z.minLength(2, 'a survey needs 2 or 3 questions'),
    z.maxLength(3, 'a survey needs 2 or 3 questions'),
    z.refine((questions) => new Set(questions.map((q) => q.id)).size === questions.length, {
      error: 'question ids must differ',
    }),
  ),
  /** Sent with the first question. */
  intro: BothLanguagesSchema,
  /** Sent after the last answer. */
  thanks: BothLanguagesSchema,
});

export type SurveySettings = z.infer<typeof SurveySettingsSchema>;
export type SurveyQuestion = z.infer<typeof SurveyQuestionSchema>;
export type SurveyWording = z.infer<typeof BothLanguagesSchema>;
