// The blocklist beyond the first call: a blocked number's texts, and callers who withhold their number.
import { afterEach, describe, expect, it } from 'vitest';
import type { BlockedEntry } from '../../../flows/admin/admin-api-types.js';
import { callContactId } from '../../support/local-line.js';
import { waitFor } from '../../support/wait-for.js';
import { type AdminLine, startAdminLine } from './admin-line.js';

const TEXTER = '+15557654321';
const ANA = '+15550100001';

let admin: AdminLine;
afterEach(async () => {
  await admin?.line.close();
});

const phone = (number: string) => admin.line.simulator.phone(number);

/** A text conversation that Ana takes and ends: one completed contact in the log; returns its id. */
async function endedConversation(): Promise<string> {
  await phone(TEXTER).text('hi, anyone there?');
  await phone(ANA).waitForMessage('Reply ACCEPT');
  await phone(ANA).text('ACCEPT');
  await phone(ANA).waitForMessage("You're connected");
  const live = (await admin.line.store.listLive()).find((c) => c.channel === 'sms');
  await phone(ANA).text('END');
  await phone(ANA).waitForMessage('Conversation ended');
  await admin.line.idle();
  return live?.contactId ?? 'missing';
}

describe('a blocked number texting the line', () => {
  it('is refused in its own language and opens no conversation', async () => {
    admin = await startAdminLine();
    const contactId = await endedConversation();
    const blocked = await admin.api.request('POST', '/admin/blocked', { contactId });
    expect(blocked.status).toBe(201);
    const offersBefore = phone(ANA).messages.filter((m) => m.body.includes('Reply ACCEPT')).length;

    await phone(TEXTER).text('hello again');
    await phone(TEXTER).waitForMessage('not able to take your messages');
    await phone(TEXTER).text('hola, necesito hablar');
    await phone(TEXTER).waitForMessage('no puede atender sus mensajes');
    await admin.line.idle();

    expect(phone(ANA).messages.filter((m) => m.body.includes('Reply ACCEPT'))).toHaveLength(offersBefore);
    expect((await admin.line.store.listLive()).filter((c) => c.channel === 'sms')).toEqual([]);
    const welcomes = phone(TEXTER).messages.filter((m) => m.body.includes('not a crisis line'));
    expect(welcomes).toHaveLength(1);
  });
});

describe('a caller who withholds their number', () => {
  it('shares no caller key with other withheld callers and cannot be blocked by key', async () => {
    admin = await startAdminLine();
    const keys: string[] = [];
    const contactIds: string[] = [];
    for (const from of ['anonymous', 'anonymous', '+266696687']) {
      const call = await phone(from).dial();
      const contactId = callContactId(admin.line, call.sid);
      await waitFor(
        async () => (await admin.line.store.getContact(contactId))?.status === 'queued',
        'queued',
      );
      await call.hangup();
      await waitFor(async () => (await admin.line.store.getContact(contactId))?.status === 'ended', 'ended');
      keys.push((await admin.line.store.getContact(contactId))?.callerKey ?? '');
      contactIds.push(contactId);
    }
    await admin.line.idle();

    const refused = await admin.api.request('POST', '/admin/blocked', { contactId: contactIds[0] });
    const listed = await admin.api.request<{ blocked: BlockedEntry[] }>('GET', '/admin/blocked');
    const second = await admin.line.store.getContact(contactIds[1] ?? '');

    expect(new Set(keys).size).toBe(3);
    expect(refused.status).toBe(400);
    expect(String(refused.body.error)).toMatch(/withheld/);
    expect(listed.body.blocked).toEqual([]);
    expect(second?.repeatCount).toBe(0);
  });
});
