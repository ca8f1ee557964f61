// Wrap-up codes end to end: a volunteer's keypad entry after a call, and CODES by text after a conversation,
// land on the contact log as code ids and in the report; skips leave nothing; replays change nothing.
import { afterEach, describe, expect, it } from 'vitest';
import type { ContactReport } from '../../flows/admin/contact-report.js';
import type { Contact } from '../../flows/model.js';
import type { SimCall } from '../../infra/local/simulator/call-leg.js';
import { type AdminLine, patchSettings, startAdminLine } from '../functions/admin/admin-line.js';
import { callContactId, signedPosterFor } from '../support/local-line.js';
import { callFields } from '../support/signed-webhook.js';
import { waitFor } from '../support/wait-for.js';

const CALLER = '+15557654321';
const ANA = '+15550100001';

let admin: AdminLine;
afterEach(async () => {
  await admin?.line.close();
});

const contactOf = (call: SimCall) => admin.line.store.getContact(callContactId(admin.line, call.sid));

/** A caller reaches Ana, talks, and hangs up; Ana's leg is left at the wrap-up ask. */
async function callEndedByCaller(language: 'en' | 'es' = 'en'): Promise<{ call: SimCall; offer: SimCall }> {
  const call = await admin.line.simulator.phone(CALLER).dial();
  if (language === 'es') {
    await call.waitForGather();
    await call.press('2');
  }
  await waitFor(async () => (await contactOf(call))?.status === 'queued', 'the caller to be queued');
  const offer = await admin.line.simulator.phone(ANA).waitForIncomingCall();
  await offer.answer();
  await offer.waitForGather();
  await offer.press('1');
  await offer.waitForConference();
  await call.hangup();
  return { call, offer };
}

describe('wrap-up codes on a call', () => {
  it('records the topics, referral and safety answer keyed after the call, once, and reports them', async () => {
    admin = await startAdminLine();
    const { call, offer } = await callEndedByCaller();
    await offer.waitForSay('Wrap-up codes: topics, star, referral');
    await offer.waitForGather();
    await offer.press('13*2*0#');
    await offer.waitForSay('Codes saved');
    const contact = (await contactOf(call)) as Contact;
    expect(contact).toMatchObject({
      topics: ['loneliness', 'relationships'],
      referral: 'crisis-line',
      safetyConcern: false,
    });
    expect(contact.wrapUpAt).toBeGreaterThan(0);

    // The same Gather posted again, even with other keys, leaves the first entry as it was.
    const post = signedPosterFor(admin.line);
    const replay = await post(`/twilio/voice/wrap-up-codes?c=${contact.contactId}&v=vol-ana&l=en`, {
      ...callFields(offer.sid, admin.line.config.LINE_NUMBER, ANA),
      Digits: '4*1*1',
    });
    expect(replay.body).toContain('already saved');
    expect(await contactOf(call)).toMatchObject({
      topics: ['loneliness', 'relationships'],
      referral: 'crisis-line',
      safetyConcern: false,
      wrapUpAt: contact.wrapUpAt,
    });
    // Another volunteer cannot code a contact that was not theirs.
    const other = await post(`/twilio/voice/wrap-up-codes?c=${contact.contactId}&v=vol-ben&l=en`, {
      ...callFields(offer.sid, admin.line.config.LINE_NUMBER, ANA),
      Digits: '4',
    });
    expect(other.body).toContain('already saved');

    await waitFor(async () => (await contactOf(call))?.repeatCount !== undefined, 'the log to be completed');
    const report = await admin.api.request<ContactReport>('GET', '/admin/reports');
    expect(report.body.wrapUp).toEqual({
      recorded: 1,
      safetyConcerns: 0,
      byTopic: { loneliness: 1, relationships: 1 },
      byReferral: { 'crisis-line': 1 },
    });
    const today = report.body.daily.at(-1);
    expect(today?.byTopic).toEqual({ loneliness: 1, relationships: 1 });
    const csv = await admin.api.request('GET', '/admin/contacts.csv');
    expect(csv.text).toContain('loneliness relationships,crisis-line,no');
  });

  it('leaves no codes when the volunteer presses pound alone, and frees them as usual', async () => {
    admin = await startAdminLine();
    const { call, offer } = await callEndedByCaller();
    await offer.waitForGather();
    await offer.press('#');
    await offer.waitForSay('No codes saved');
    await offer.waitForStatus('completed');
    const contact = (await contactOf(call)) as Contact;
    expect(contact.wrapUpAt).toBeUndefined();
    expect(contact.topics).toBeUndefined();
    expect((await admin.line.store.getVolunteer('vol-ana'))?.state).toBe('wrapup');
  });

  it('asks once more after a digit that is on no list, and saves the corrected entry', async () => {
    admin = await startAdminLine();
    const { call, offer } = await callEndedByCaller();
    await offer.waitForGather();
    await offer.press('8#');
    await offer.waitForSay('A number was not on the list');
    await offer.waitForGather();
    await offer.press('**1#');
    await offer.waitForSay('Codes saved');
    expect(await contactOf(call)).toMatchObject({ topics: [], safetyConcern: true });
  });

  it('asks a Spanish call in Spanish with the Spanish labels the coordinators set', async () => {
    admin = await startAdminLine();
    expect(
      await patchSettings(admin, {
        wrapUpCodes: {
          enabled: true,
          topics: [{ id: 'grief', key: '4', label: { en: 'grief', es: 'pérdida y duelo' } }],
          referrals: [{ id: 'none', key: '0', label: { en: 'none', es: 'ninguna' } }],
        },
      }),
    ).toBe(200);
    const { call, offer } = await callEndedByCaller('es');
    await offer.waitForSay('Temas: 4 pérdida y duelo. Derivación: 0 ninguna.');
    await offer.waitForGather();
    await offer.press('4*0#');
    await offer.waitForSay('Códigos guardados');
    expect(await contactOf(call)).toMatchObject({ topics: ['grief'], referral: 'none' });
  });

  it('does not ask when the line has switched wrap-up codes off', async () => {
    admin = await startAdminLine();
    expect(await patchSettings(admin, { wrapUpCodes: { enabled: false, topics: [], referrals: [] } })).toBe(
      200,
    );
    const { offer } = await callEndedByCaller();
    await offer.waitForStatus('completed');
    expect(offer.transcript.join(' ')).not.toContain('Wrap-up codes');
  });
});
