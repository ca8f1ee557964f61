// The contact log names no Twilio SID: ids are keyed hashes, and SIDs leave a contact when it ends.
import { afterEach, describe, expect, it } from 'vitest';
import { callContactId, startTestLine, type TestLine } from '../support/local-line.js';
import { waitFor } from '../support/wait-for.js';

const CALLER = '+15557654321';
const TEXTER = '+15557654322';
const ANA = '+15550100001';

let line: TestLine;
afterEach(async () => {
  await line?.close();
});

describe('contact ids and SIDs in the log', () => {
  it('gives calls and texts ids that do not contain their SIDs, and drops the SIDs when they end', async () => {
    line = await startTestLine();
    const call = await line.simulator.phone(CALLER).dial();
    await call.waitForSay('peer support line, not a crisis line');
    const contactId = callContactId(line, call.sid);
    await waitFor(
      async () => (await line.store.getContact(contactId))?.status === 'queued',
      'the call queued',
    );
    expect((await line.store.getContact(contactId))?.callSid).toBe(call.sid);
    await call.hangup();
    await waitFor(async () => (await line.store.getContact(contactId))?.status === 'ended', 'the call ended');

    await line.simulator.phone(TEXTER).text('hi, can we talk');
    await line.simulator.phone(ANA).waitForMessage('Reply ACCEPT');
    await line.simulator.phone(ANA).text('ACCEPT');
    await line.simulator.phone(ANA).waitForMessage("You're connected");
    await line.simulator.phone(ANA).text('END A');
    await line.simulator.phone(ANA).waitForMessage('Conversation ended');
    await line.idle();

    const contacts = (await line.scanTable()).filter((item) => item.sk === 'CONTACT');
    expect(contacts.length).toBeGreaterThanOrEqual(2);
    for (const contact of contacts) {
      expect(contact.status).toBe('ended');
      expect(contact.callSid).toBeUndefined();
      expect(contact.relayedSids).toBeUndefined();
      // Twilio's call and message SIDs: two letters and 32 hex digits.
      expect(JSON.stringify(contact)).not.toMatch(/\b(?:CA|SM|MM)[0-9a-f]{32}\b/);
    }
  });
});
