// zod/mini has no words of its own: the schemas the Lambdas carry must still say, in English, what is wrong.
import { describe, expect, it } from 'vitest';
import { LineEventSchema } from '../../flows/events.js';
import { LineSettingsPatchSchema } from '../../flows/line-settings.js';
import { E164Schema } from '../../flows/phone-numbers.js';
import { readWebhookQuery } from '../../flows/webhook-query.js';

interface Checked {
  safeParse(input: unknown): { error?: { issues: readonly { path: PropertyKey[]; message: string }[] } };
}

/** Each problem as "path: message", the way the config and the admin API word them. */
function problems(schema: Checked, input: unknown): string[] {
  return (schema.safeParse(input).error?.issues ?? []).map(
    (issue) => `${issue.path.join('.') || '(value)'}: ${issue.message}`,
  );
}

describe('the zod/mini schemas', () => {
  it('refuses a number that is not E.164 in its own words, and a non-string in zod’s', () => {
    expect(problems(E164Schema, '555-0100')).toEqual([
      '(value): must be an E.164 phone number such as +15551230000',
    ]);
    expect(problems(E164Schema, 15550100)).toEqual([
      '(value): Invalid input: expected string, received number',
    ]);
  });

  it('names the unknown event type and the options of a bad field', () => {
    const [unknownType] = problems(LineEventSchema, { type: 'ContactTeleported' });
    expect(unknownType).toMatch(/^type: Invalid option: expected one of "ContactQueued"\|"ContactOffered"/);
    expect(
      problems(LineEventSchema, { type: 'ContactQueued', contactId: 'c1', channel: 'fax', language: 'en' }),
    ).toEqual(['channel: Invalid option: expected one of "voice"|"sms"']);
    expect(
      problems(LineEventSchema, {
        type: 'OfferEnded',
        contactId: 'c1',
        channel: 'voice',
        volunteerId: 'v1',
        missed: 'no',
      }),
    ).toEqual(['missed: Invalid input: expected boolean, received string']);
  });

  it('drops what an event type does not declare, so a number slipped into an event never leaves', () => {
    const sent = { type: 'ContactAbandoned', contactId: 'c1', channel: 'voice', from: '+15550100123' };
    expect(LineEventSchema.parse(sent)).toEqual({
      type: 'ContactAbandoned',
      contactId: 'c1',
      channel: 'voice',
    });
    // The same type again goes through the schema built the first time, with the same result.
    expect(LineEventSchema.safeParse({ ...sent, body: 'words' }).data).toEqual({
      type: 'ContactAbandoned',
      contactId: 'c1',
      channel: 'voice',
    });
  });

  it('says which query parameter is bad and why', () => {
    expect(() =>
      readWebhookQuery('offerTaken', new URLSearchParams({ c: 'c1', v: 'v1', r: 'lost' })),
    ).toThrow(
      'query parameter r (reason) is malformed: Invalid option: expected one of "taken"|"left"|"gone"',
    );
    // A count goes text, number, bound: the bound's message survives the pipe.
    expect(() => readWebhookQuery('offerInput', new URLSearchParams({ c: 'c1', v: 'v1', w: '0' }))).toThrow(
      'query parameter w (whisperSeconds) is malformed: Too small: expected number to be >=1',
    );
  });

  it('names every wrong line setting, in the coordinators’ words where we wrote them', () => {
    expect(
      problems(LineSettingsPatchSchema, {
        ringGroupSize: 11,
        offerRingSeconds: 2.5,
        holdAudioUrl: 'http://audio.example.org/hold.mp3',
        supervisionEnabled: 'yes',
        greeting: { en: 'Hello <b>friend</b>' },
      }),
    ).toEqual([
      'ringGroupSize: Twilio rings at most 10',
      'offerRingSeconds: Invalid input: expected int, received number',
      'greeting.en: must not contain < or > (plain words only, no markup)',
      'holdAudioUrl: must be an https:// address of an audio file',
      'supervisionEnabled: Invalid input: expected boolean, received string',
    ]);
  });

  it('fills no defaults into a settings patch, so an edit resets nothing', () => {
    expect(LineSettingsPatchSchema.parse({ lineName: '  Night line  ' })).toEqual({ lineName: 'Night line' });
  });
});
