// The per-contact CSV: one row per contact in local time, with the figures coordinators asked for and no
// column that could name the caller.
import { describe, expect, it } from 'vitest';
import { CONTACT_CSV_HEADER, contactsToCsv } from '../../../flows/admin/contact-csv.js';
import { parseCsv } from '../../../flows/admin/csv.js';
import type { Contact } from '../../../flows/model.js';

const CALLER_KEY = 'ck-4f1c9a7e2b';
const VOLUNTEER = 'vol-ana';

const base: Contact = {
  contactId: 'v-1',
  channel: 'voice',
  language: 'en',
  status: 'ended',
  outcome: 'escalated',
  callerKey: CALLER_KEY,
  callSid: `CA${'c'.repeat(32)}`,
  // 14:05 UTC is 09:05 in New York in November.
  startedAt: Date.UTC(2026, 10, 22, 14, 5, 30),
  endedAt: Date.UTC(2026, 10, 22, 14, 20),
  volunteerId: VOLUNTEER,
  escalation: { trigger: 'volunteer', kind: 'keypress', at: Date.UTC(2026, 10, 22, 14, 15) },
  concern: { kind: 'hopelessness', at: Date.UTC(2026, 10, 22, 14, 6) },
  offersOutstanding: 0,
  offerRound: 1,
  repeatCount: 2,
  topics: ['grief', 'housing'],
  referral: 'crisis-line',
  safetyConcern: true,
  wrapUpAt: Date.UTC(2026, 10, 22, 14, 20),
  // 42 s waiting, 540 s talking.
  queuedAt: Date.UTC(2026, 10, 22, 14, 10, 18),
  answeredAt: Date.UTC(2026, 10, 22, 14, 11),
  liveUntil: 0,
};

describe('contactsToCsv', () => {
  it('writes one row per contact, oldest first, with local start time and every figure', () => {
    const texter: Contact = {
      ...base,
      contactId: 's-2',
      channel: 'sms',
      language: 'es',
      outcome: 'abandoned',
      startedAt: Date.UTC(2026, 10, 21, 3, 0),
      queuedAt: Date.UTC(2026, 10, 21, 3, 0),
      endedAt: Date.UTC(2026, 10, 21, 3, 0, 42),
      answeredAt: undefined,
      escalation: undefined,
      concern: undefined,
      repeatCount: undefined,
      topics: undefined,
      referral: undefined,
      safetyConcern: undefined,
      wrapUpAt: undefined,
    } as Contact;

    const rows = parseCsv(contactsToCsv([base, texter], 'America/New_York'));

    expect(rows).toEqual([
      [...CONTACT_CSV_HEADER],
      ['2026-11-20 22:00', 'sms', 'es', 'abandoned', '42', '', '', '', '', '0', '', '', ''],
      [
        '2026-11-22 09:05',
        'voice',
        'en',
        'escalated',
        '42',
        '540',
        'volunteer',
        'keypress',
        'hopelessness',
        '2',
        'grief housing',
        'crisis-line',
        'yes',
      ],
    ]);
  });

  it('leaves out the caller key, the SID, the contact id and the volunteer', () => {
    const csv = contactsToCsv([base], 'America/New_York');

    for (const secret of [CALLER_KEY, base.callSid ?? '', base.contactId, VOLUNTEER])
      expect(csv).not.toContain(secret);
  });
});
