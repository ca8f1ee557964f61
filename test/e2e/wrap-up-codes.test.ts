// Wrap-up codes end to end: a volunteer's keypad entry after a call, and CODES by text after a conversation,
// land on the contact log as code ids and in the report; skips leave nothing; replays change nothing.
import { afterEach, describe, expect, it } from 'vitest';
import type { ContactReport } from '../../flows/admin/contact-report.js';
import type { Contact } from '../../flows/model.js';
import { DEFAULT_WRAP_UP_CODES } from '../../flows/standard-settings.js';
import type { SimCall } from '../../infra/local/simulator/call-leg.js';
import { type AdminLine, patchSettings, startAdminLine } from '../functions/admin/admin-line.js';
import { callContactId, signedPosterFor } from '../support/local-line.js';
import { callFields, smsFields } from '../support/signed-webhook.js';
import { openAndAccept } from '../support/text-conversations.js';
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
    admin = await startAdminLine({ timeScale: 0.05 });
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

    await waitFor(async () => (await contactOf(call))?.status === 'ended', 'the log to be completed');
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
    admin = await startAdminLine({ timeScale: 0.05 });
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
    admin = await startAdminLine({ timeScale: 0.05 });
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
    admin = await startAdminLine({ timeScale: 0.05 });
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
    admin = await startAdminLine({ timeScale: 0.05 });
    expect(await patchSettings(admin, { wrapUpCodes: { enabled: false, topics: [], referrals: [] } })).toBe(
      200,
    );
    const { offer } = await callEndedByCaller();
    await offer.waitForStatus('completed');
    expect(offer.transcript.join(' ')).not.toContain('Wrap-up codes');
  });
});

describe('wrap-up codes by text', () => {
  const TEXTER = '+15557650001';
  const phone = (number: string) => admin.line.simulator.phone(number);
  const contactByTag = async (): Promise<Contact | undefined> => {
    const items = await admin.line.scanTable();
    return items.find((item) => item.channel === 'sms' && item.status === 'ended') as Contact | undefined;
  };

  it('asks when the volunteer ENDs, records CODES once, and ignores a replay of the same text', async () => {
    admin = await startAdminLine({ timeScale: 0.05 });
    const tag = await openAndAccept(admin.line, TEXTER, 'hi, a rough week', ANA);
    await phone(ANA).text(`END ${tag}`);
    await phone(ANA).waitForMessage(`[${tag}] Wrap-up codes, if you like: reply CODES ${tag}`);

    const post = signedPosterFor(admin.line);
    const params = smsFields(
      `SM${'5'.repeat(32)}`,
      ANA,
      admin.line.config.LINE_NUMBER,
      `codes ${tag} 1 3 r2 s1`,
    );
    const first = await post('/twilio/sms', params);
    const replay = await post('/twilio/sms', params);
    expect(first.body).toContain(`[${tag}] Wrap-up codes saved`);
    expect(replay.status).toBe(200);
    expect(replay.body).not.toContain('Wrap-up codes');
    expect(await contactByTag()).toMatchObject({
      topics: ['loneliness', 'relationships'],
      referral: 'crisis-line',
      safetyConcern: true,
    });

    // A second entry for the same conversation is not due any more and changes nothing.
    await phone(ANA).text(`CODES ${tag} 4`);
    await phone(ANA).waitForMessage(`no ended conversation [${tag}] is waiting for wrap-up codes`);
    expect((await contactByTag())?.topics).toEqual(['loneliness', 'relationships']);
    const report = await admin.api.request<ContactReport>('GET', '/admin/reports');
    expect(report.body.wrapUp).toMatchObject({
      recorded: 1,
      safetyConcerns: 1,
      byReferral: { 'crisis-line': 1 },
    });
  });

  it('asks the volunteer when the texter sends STOP, and leaves no codes on SKIP', async () => {
    admin = await startAdminLine({ timeScale: 0.05 });
    const tag = await openAndAccept(admin.line, TEXTER, 'hello', ANA);
    await phone(TEXTER).text('STOP');
    await phone(ANA).waitForMessage(`Wrap-up codes, if you like: reply CODES ${tag}`);
    await phone(ANA).text('codes skip');
    await phone(ANA).waitForMessage(`[${tag}] No wrap-up codes saved`);
    const contact = await contactByTag();
    expect(contact?.outcome).toBe('abandoned');
    expect(contact?.wrapUpAt).toBeUndefined();
    expect((await admin.line.store.getVolunteer('vol-ana'))?.wrapUpDue).toEqual({});
  });

  it('explains an entry with a number on no list and keeps the codes due', async () => {
    admin = await startAdminLine({ timeScale: 0.05 });
    const tag = await openAndAccept(admin.line, TEXTER, 'hello', ANA);
    await phone(ANA).text(`END ${tag}`);
    await phone(ANA).waitForMessage('Wrap-up codes, if you like');
    await phone(ANA).text(`CODES ${tag} 8 R9`);
    await phone(ANA).waitForMessage(`[${tag}] Codes not saved: use topic numbers`);
    await phone(ANA).text(`[${tag}] CODES 2`);
    await phone(ANA).waitForMessage(`[${tag}] Wrap-up codes saved`);
    expect((await contactByTag())?.topics).toEqual(['anxiety']);
  });

  it('texts a Spanish conversation its ask in Spanish', async () => {
    admin = await startAdminLine({ timeScale: 0.05 });
    const tag = await openAndAccept(admin.line, TEXTER, 'hola, me siento muy sola esta semana', ANA);
    await phone(ANA).text(`END ${tag}`);
    await phone(ANA).waitForMessage(`[${tag}] Códigos de cierre, si quiere: responda CODES ${tag}`);
    expect(phone(ANA).messages.at(-1)?.body).toContain('Temas: 1 soledad, 2 ansiedad');
  });
});

describe('wrap-up code settings through the admin API', () => {
  it('refuses a list with a digit used twice, naming the code, with a stable code for the console', async () => {
    admin = await startAdminLine();
    const { version } = (await admin.api.request<{ version: number }>('GET', '/admin/settings')).body;
    const refused = await admin.api.request<{ error: string; issues: { code: string }[] }>(
      'PATCH',
      '/admin/settings',
      {
        version,
        settings: {
          wrapUpCodes: {
            enabled: true,
            topics: [
              { id: 'grief', key: '1', label: { en: 'grief', es: 'duelo' } },
              { id: 'loss', key: '1', label: { en: 'loss', es: 'pérdida' } },
            ],
            referrals: [],
          },
        },
      },
    );
    expect(refused.status).toBe(400);
    expect(refused.body.error).toBe('settings.wrapUpCodes.topics.1.key: keypad digit 1 is used twice');
    expect(refused.body.issues[0]?.code).toBe('code-duplicate-key');
  });

  it('keeps the codes of old contacts in the report after a code is removed from the list', async () => {
    admin = await startAdminLine({ timeScale: 0.05 });
    const { call, offer } = await callEndedByCaller();
    await offer.waitForGather();
    await offer.press('6#');
    await offer.waitForSay('Codes saved');
    const housingless = DEFAULT_WRAP_UP_CODES.topics.filter((code) => code.id !== 'housing');
    expect(
      await patchSettings(admin, { wrapUpCodes: { ...DEFAULT_WRAP_UP_CODES, topics: housingless } }),
    ).toBe(200);
    await waitFor(async () => (await contactOf(call))?.status === 'ended', 'the log to be completed');
    const report = await admin.api.request<ContactReport>('GET', '/admin/reports');
    expect(report.body.wrapUp.byTopic).toEqual({ housing: 1 });
  });
});
