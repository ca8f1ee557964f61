// Releasing voice offers when the caller hangs up: cancel what rings, tell what was answered, and the race between.
import { describe, expect, it } from 'vitest';
import { type DispatchDeps, handleLineEvent } from '../../../flows/dispatch/dispatcher.js';
import type { Offer } from '../../../flows/model.js';
import { testLineDefaults } from '../../support/dynalite-table.js';
import { silentLog } from '../../support/silent-log.js';

const CONTACT = 'v-1';
const legOf = (volunteerId: string) => `CA-${volunteerId}`;

/** A store holding ringing offers, a telephony recording what it was asked, and `answerBeforeCancel` legs. */
function fakes(offers: Offer[], answerBeforeCancel: readonly string[] = []) {
  const calls: string[] = [];
  const store = {
    listOffers: async () => offers,
    getContactWithOffers: async () => ({ offers }),
    updateVolunteer: async () => undefined,
    updateOffer: async (_c: string, volunteerId: string, change: { set: Partial<Offer> }) => {
      const offer = offers.find((o) => o.volunteerId === volunteerId);
      return offer?.status === 'ringing' ? { ...offer, ...change.set } : undefined;
    },
    getContact: async () => undefined,
    getLine: async () => ({ settings: testLineDefaults, blockedKeys: new Set(), onShiftIds: new Set() }),
    listOnShift: async () => [],
    listQueued: async () => [],
  };
  const telephony = {
    cancelCall: async (sid: string) => {
      calls.push(`cancel ${sid}`);
      return answerBeforeCancel.includes(sid) ? 'not-ringing' : 'canceled';
    },
    redirectCall: async (sid: string, url: string) => {
      calls.push(`redirect ${sid} ${url}`);
      return 'redirected';
    },
  };
  const deps = {
    store,
    telephony,
    events: { publish: async () => {} },
    clock: { now: () => 1_000 },
    vault: { open: (s: string) => s },
    log: silentLog(),
    webhookUrl: ({ route, query }: { route: string; query?: Record<string, string> }) =>
      `${route}?${new URLSearchParams(query)}`,
  } as unknown as DispatchDeps;
  return { deps, calls };
}

const offer = (volunteerId: string): Offer => ({
  contactId: CONTACT,
  volunteerId,
  channel: 'voice',
  callSid: legOf(volunteerId),
  status: 'ringing',
  offeredAt: 0,
});

describe('releasing voice offers', () => {
  it('cancels unanswered legs and sends answered ones to the words for a caller who hung up', async () => {
    const { deps, calls } = fakes([offer('ana'), offer('ben')], ['CA-ben']);

    await handleLineEvent(deps, { type: 'ContactAbandoned', contactId: CONTACT, channel: 'voice' });

    expect(calls).toEqual([
      'cancel CA-ana',
      'cancel CA-ben',
      'redirect CA-ben offerTaken?c=v-1&v=ben&r=left',
    ]);
  });

  it('tells a leg answered between the read and the cancel, which Twilio leaves up, why it was released', async () => {
    const { deps, calls } = fakes([offer('ana')], ['CA-ana']);

    await handleLineEvent(deps, { type: 'ContactAbandoned', contactId: CONTACT, channel: 'voice' });

    expect(calls).toEqual(['cancel CA-ana', 'redirect CA-ana offerTaken?c=v-1&v=ana&r=left']);
  });
});
