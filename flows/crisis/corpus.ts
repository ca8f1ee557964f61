// The labelled corpus's row shape, shared by the trainer and the tests that measure the detector.

import * as z from 'zod';

export const CorpusMessageSchema = z.object({
  text: z.string().min(1),
  lang: z.enum(['en', 'es']),
  crisis: z.boolean(),
  kind: z.string().nullable(),
  tier: z.enum(['crisis', 'concern']).nullable().optional(),
  category: z.string().optional(),
  channel: z.enum(['sms', 'voice']).optional(),
});
export type CorpusMessage = z.infer<typeof CorpusMessageSchema>;

/** One message per JSON line; a malformed line fails loudly with its line number. */
export function loadCorpus(jsonl: string): CorpusMessage[] {
  return jsonl
    .split('\n')
    .map((line, index) => ({ line, index }))
    .filter(({ line }) => line.trim() !== '')
    .map(({ line, index }) => {
      const parsed = CorpusMessageSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`corpus line ${index + 1}: ${parsed.error.issues[0]?.message}`);
      return parsed.data;
    });
}
