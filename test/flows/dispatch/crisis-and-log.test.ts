// The dispatcher's after-steps over the memory store: a warm transfer's ended crisis leg, the clinician's
// call-back, and the contact log's figures once a contact ends.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { earlierContacts, logFigures } from '../../../flows/contact-log.js';
import { handleLineEvent } from '../../../flows/dispatch/dispatcher.js';
import type { Contact } from '../../../flows/model.js';
import { handleClinicianBridge } from '../../../flows/voice/clinician-bridge.js';
import { type FlowLine, readableVault, startFlowLine } from '../../support/flow-line.js';

const DAY = 86_400_000;
const CONTACT = 'v-transfer';

let line: FlowLine;
beforeEach(async () => {
  line = await startFlowLine();
});

/** A caller in a warm transfer whose crisis leg ended (`joined` or not); the volunteer busy with them or gone. */
async function transferEnded(joined: boolean, volunteerHere: boolean): Promise<Contact> {
  const now = line.clock.now();
  const contact: Contact = {
    contactId: CONTACT,
    channel: 'voice',
    language: 'en',
    status: 'connected',
    callerKey: 'key-caller',
    callSid: 'CA-caller',
    startedAt: now - 600_000,
    volunteerId: 'ana',
    offersOutstanding: 0,
    offerRound: 1,
    liveUntil: now + 6 * 3_600_000,
    escalation: { trigger: 'volunteer', kind: 'warm-transfer', at: now - 120_000 },
    crisisLegEnded: { joined, at: now },
  };
  await line.store.createContact(contact);
  await line.addVolunteer('ana', volunteerHere ? { state: 'busy', contactId: CONTACT } : { state: 'wrapup' });
  await line.store.putOffers([
    {
      contactId: CONTACT,
      volunteerId: 'ana',
      channel: 'voice',
      callSid: 'CA-ana',
      status: 'accepted',
      offeredAt: now - 600_000,
    },
  ]);
  return contact;
}

const legEnded = (joined: boolean) =>
  ({ type: 'CrisisLegEnded', contactId: CONTACT, channel: 'voice', joined, at: line.clock.now() }) as const;

describe('a warm transfer’s crisis leg ending', () => {
  it('sends a caller left alone to the crisis options, once however often the news comes', async () => {
    await transferEnded(true, false);

    await handleLineEvent(line.dispatch, legEnded(true));
    await handleLineEvent(line.dispatch, legEnded(true));

    expect(line.telephony.of('redirectCall').map((call) => [call.callSid, call.script])).toEqual([
      ['CA-caller', `crisisFallback?c=${CONTACT}&cn=${line.defaults.crisisNumber}&l=en&j=1`],
    ]);
  });

  it('tells a volunteer still with the caller that the crisis line never joined, and reassures the caller', async () => {
    await transferEnded(false, true);

    await handleLineEvent(line.dispatch, legEnded(false));
    await handleLineEvent(line.dispatch, legEnded(false));

    expect(line.telephony.of('redirectCall').map((call) => [call.callSid, call.script])).toEqual([
      ['CA-ana', `warmTransferUnreached?c=${CONTACT}&v=ana`],
    ]);
    expect(line.telephony.of('announceToConference')).toHaveLength(1);
  });

  it('leaves caller and volunteer together when the counsellor talked and left', async () => {
    await transferEnded(true, true);

    await handleLineEvent(line.dispatch, legEnded(true));

    expect(line.telephony.calls).toEqual([]);
  });
});

describe('the clinician’s call-back', () => {
  const ref = () => ({
    reference: 'R7K2QX',
    contactId: 's-texter',
    callerSealed: readableVault.seal('+15557000001'),
    liveUntil: line.clock.now() + 3_600_000,
  });

  it('rings the clinician once per request, and bridges them to the texter once', async () => {
    await line.store.saveEscalationRef(ref());
    const requested = { type: 'ClinicianCallRequested', reference: 'R7K2QX', requestId: 'SM-call' } as const;

    await handleLineEvent(line.dispatch, requested);
    await handleLineEvent(line.dispatch, requested);
    const bridge = await handleClinicianBridge(line.voice, 'R7K2QX', line.defaults.lineNumber);
    const replayed = await handleClinicianBridge(line.voice, 'R7K2QX', line.defaults.lineNumber);

    expect(line.telephony.of('placeCall').map((call) => [call.request.to, call.request.script])).toEqual([
      [line.defaults.clinicianNumber, 'clinicianBridge?r=R7K2QX'],
    ]);
    expect(bridge.steps).toContainEqual(
      expect.objectContaining({ kind: 'dial-number', number: '+15557000001' }),
    );
    expect(replayed.steps.map((step) => step.kind)).toEqual(['say', 'hangup']);
  });

  it('rings nobody for a reference that has expired', async () => {
    await line.store.saveEscalationRef(ref());
    line.clock.advance(2 * 3_600_000);

    await handleLineEvent(line.dispatch, {
      type: 'ClinicianCallRequested',
      reference: 'R7K2QX',
      requestId: 'SM-late',
    });
    const bridge = await handleClinicianBridge(line.voice, 'R7K2QX', line.defaults.lineNumber);

    expect(line.telephony.calls).toEqual([]);
    expect(bridge.steps.map((step) => step.kind)).toEqual(['say', 'hangup']);
  });
});

describe('the contact log', () => {
  it("counts the caller's earlier contacts in the last 30 days as a contact starts, and derives wait and talk", async () => {
    const now = line.clock.now();
    const base = {
      channel: 'voice',
      language: 'en',
      callerKey: 'key-repeat',
      offersOutstanding: 0,
      offerRound: 0,
    } as const;
    for (const [id, startedAt] of [
      ['v-old', now - 40 * DAY],
      ['v-recent', now - 3 * DAY],
    ] as const)
      await line.store.createContact({
        ...base,
        contactId: id,
        status: 'ended',
        startedAt,
        endedAt: startedAt,
        liveUntil: startedAt,
      });

    expect(await earlierContacts(line.voice, 'key-repeat', now)).toBe(1);
    expect(await earlierContacts(line.voice, 'withheld-v-now', now)).toBe(0);
    expect(
      logFigures({
        ...base,
        contactId: 'v-now',
        status: 'ended',
        startedAt: now - 700_000,
        queuedAt: now - 690_000,
        answeredAt: now - 600_000,
        endedAt: now,
        liveUntil: now,
      }),
    ).toEqual({ waitSeconds: 90, talkSeconds: 600 });
  });

  it('starts the contact without a repeat count when the store cannot count', async () => {
    vi.spyOn(line.store, 'countRecentContacts').mockRejectedValueOnce(new Error('InternalServerError'));

    expect(await earlierContacts(line.voice, 'key-repeat', line.clock.now())).toBeUndefined();
  });
});
