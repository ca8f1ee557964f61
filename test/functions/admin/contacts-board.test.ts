// The log side of the admin API against real calls: the live board, the contact list, blocking a caller, reports.
import { afterEach, describe, expect, it } from 'vitest';
import type { BlockedEntry, ContactRow } from '../../../flows/admin/admin-api-types.js';
import { CONTACT_CSV_HEADER } from '../../../flows/admin/contact-csv.js';
import type { ContactReport } from '../../../flows/admin/contact-report.js';
import { parseCsv } from '../../../flows/admin/csv.js';
import type { LiveBoard } from '../../../flows/admin/live-board.js';
import type { SimCall } from '../../../infra/local/simulator/call-leg.js';
import { callContactId, numberTraces } from '../../support/local-line.js';
import { waitFor } from '../../support/wait-for.js';
import { type AdminLine, startAdminLine } from './admin-line.js';

const CALLER = '+15557654321';

let admin: AdminLine;
afterEach(async () => {
  await admin?.line.close();
});

const contactOf = (call: SimCall) => admin.line.store.getContact(callContactId(admin.line, call.sid));

async function callAndHold(): Promise<SimCall> {
  const call = await admin.line.simulator.phone(CALLER).dial();
  await waitFor(async () => (await contactOf(call))?.status === 'queued', 'the caller to be queued');
  return call;
}

/** A call that waits and hangs up before anyone answers: one abandoned contact in the log. */
async function abandonedCall(): Promise<string> {
  const call = await callAndHold();
  await call.hangup();
  await waitFor(async () => (await contactOf(call))?.status === 'ended', 'the contact to end');
  await admin.line.idle();
  return callContactId(admin.line, call.sid);
}

describe('admin board and log', () => {
  it('shows a queued call on the live board without the number', async () => {
    admin = await startAdminLine();
    const empty = await admin.api.request<LiveBoard>('GET', '/admin/board');
    // The volunteers' phones ring but nobody picks up, so the caller keeps waiting.

    const call = await callAndHold();
    const board = await admin.api.request<LiveBoard>('GET', '/admin/board');

    expect(empty.body.queues.every((q) => q.waiting === 0)).toBe(true);
    const voiceEn = board.body.queues.find((q) => q.channel === 'voice' && q.language === 'en');
    expect(voiceEn?.waiting).toBe(1);
    expect(voiceEn?.contacts[0]?.contactId).toBe(callContactId(admin.line, call.sid));
    expect(board.body.lineOpen).toBe(true);
    for (const trace of numberTraces(CALLER)) expect(board.text).not.toContain(trace);
    await call.hangup();
  });

  it('shows a routed call as live with its volunteer, who is on a contact', async () => {
    admin = await startAdminLine();
    // At this time scale a phone rings out, and a whisper times out, in a fraction of a second: both are set
    // long so that a loaded machine still answers and presses 1 in time.
    await admin.line.store.saveSettings({ offerRingSeconds: 60, whisperSeconds: 20 });
    const call = await callAndHold();
    const offer = await admin.line.simulator.phone('+15550100001').waitForIncomingCall();
    await offer.answer();
    await offer.waitForGather();
    await offer.press('1');
    await call.waitForConference();

    const board = await admin.api.request<LiveBoard>('GET', '/admin/board');

    expect(board.body.live).toContainEqual(
      expect.objectContaining({
        contactId: callContactId(admin.line, call.sid),
        channel: 'voice',
        volunteerName: 'Ana',
      }),
    );
    expect(board.body.queues.every((q) => q.waiting === 0)).toBe(true);
    expect(board.body.volunteers.find((v) => v.volunteerId === 'vol-ana')?.activity).toBe('on a contact');
    await call.hangup();
  });

  it('lists ended contacts in a date range with no number or caller key', async () => {
    admin = await startAdminLine();
    const contactId = await abandonedCall();
    const contact = await admin.line.store.getContact(contactId);

    const listed = await admin.api.request<{ contacts: ContactRow[] }>('GET', '/admin/contacts');
    const badRange = await admin.api.request('GET', '/admin/contacts?from=2026-02-30&to=2026-03-01');
    const reversed = await admin.api.request('GET', '/admin/contacts?from=2026-03-02&to=2026-03-01');

    expect(listed.body.contacts).toEqual([
      expect.objectContaining({
        contactId,
        channel: 'voice',
        language: 'en',
        outcome: 'abandoned',
        repeatCount: 0,
      }),
    ]);
    expect(listed.text).not.toContain(contact?.callerKey ?? 'missing key');
    for (const trace of numberTraces(CALLER)) expect(listed.text).not.toContain(trace);
    expect(badRange.body.error).toMatch(/^from: must be a calendar date/);
    expect(reversed.body.error).toBe('to: must not be before from');
  });

  it("blocks a caller by a contact in the log: that caller's next call hears the blocked message", async () => {
    admin = await startAdminLine();
    const contactId = await abandonedCall();

    const blocked = await admin.api.request<{ block: BlockedEntry }>('POST', '/admin/blocked', {
      contactId,
      reason: 'abusive to volunteers',
    });
    const again = await admin.line.simulator.phone(CALLER).dial();
    await again.waitForSay('This line is not able to take your call');
    await again.waitForStatus('completed');
    const listed = await admin.api.request<{ blocked: BlockedEntry[] }>('GET', '/admin/blocked');

    expect(blocked.status).toBe(201);
    expect(blocked.body.block).toMatchObject({
      contactId,
      reason: 'abusive to volunteers',
      addedBy: 'coordinator@example.org',
    });
    expect(listed.body.blocked.map((b) => b.blockId)).toEqual([blocked.body.block.blockId]);
    expect(listed.text).not.toContain(
      (await admin.line.store.getContact(contactId))?.callerKey ?? 'missing key',
    );
    expect((await contactOf(again))?.outcome).toBe('blocked');
  });

  it('unblocks a caller, and audits both changes', async () => {
    admin = await startAdminLine();
    const contactId = await abandonedCall();
    const { body } = await admin.api.request<{ block: BlockedEntry }>('POST', '/admin/blocked', {
      contactId,
    });

    const removed = await admin.api.request('DELETE', `/admin/blocked/${body.block.blockId}`);
    const twice = await admin.api.request('DELETE', `/admin/blocked/${body.block.blockId}`);
    const audit = await admin.api.request<{ entries: { action: string }[] }>('GET', '/admin/audit');

    expect(removed.status).toBe(200);
    expect(twice.status).toBe(404);
    expect((await admin.line.store.getLine()).blockedKeys.size).toBe(0);
    expect(audit.body.entries.map((e) => e.action)).toEqual(['caller.unblock', 'caller.block']);
  });

  it('refuses to block from a contact that is not in the log, naming the field', async () => {
    admin = await startAdminLine();

    const missing = await admin.api.request('POST', '/admin/blocked', { contactId: 'v-nothing' });
    const empty = await admin.api.request('POST', '/admin/blocked', {});

    expect(missing.body.error).toBe('contactId: no contact in the log has this id');
    expect(empty.status).toBe(400);
    expect(empty.body.error).toMatch(/^contactId: /);
  });

  it('reports over the range as JSON and as CSV', async () => {
    admin = await startAdminLine();
    await abandonedCall();
    await abandonedCall();

    const report = await admin.api.request<ContactReport>('GET', '/admin/reports');
    const csv = await admin.api.request('GET', '/admin/reports.csv');

    expect(report.body.totals).toMatchObject({
      contacts: 2,
      queued: 2,
      answered: 0,
      abandoned: 2,
      uniqueCallers: 1,
      repeatCallers: 1,
    });
    expect(report.body.abandonmentRate).toBe(1);
    expect(report.body.byChannelOutcome).toEqual({ voice: { abandoned: 2 } });
    expect(report.body.heatMap.flat().reduce((a, b) => a + b, 0)).toBe(2);
    expect(csv.contentType).toContain('text/csv');
    expect(csv.text).toContain('totals,abandoned,2');
  });

  it('exports one CSV row per contact without the number or the caller key', async () => {
    admin = await startAdminLine();
    const first = await abandonedCall();
    const second = await abandonedCall();
    const callerKey = (await admin.line.store.getContact(first))?.callerKey ?? 'missing';

    const csv = await admin.api.request('GET', '/admin/contacts.csv');

    expect(csv.status).toBe(200);
    expect(csv.contentType).toContain('text/csv');
    const [header, ...rows] = parseCsv(csv.text);
    expect(header).toEqual([...CONTACT_CSV_HEADER]);
    expect(rows.map((row) => row.slice(1, 4))).toEqual([
      ['voice', 'en', 'abandoned'],
      ['voice', 'en', 'abandoned'],
    ]);
    // The second call is the same caller again within 30 days.
    expect(rows.map((row) => row[CONTACT_CSV_HEADER.indexOf('repeatCount')])).toEqual(['0', '1']);
    for (const trace of [...numberTraces(CALLER), callerKey, first, second])
      expect(csv.text).not.toContain(trace);
  });
});
