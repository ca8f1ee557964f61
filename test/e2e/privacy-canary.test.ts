// A privacy canary: after calls, texts, an escalation and a Twilio error that names a number, no caller's or
// texter's number and nothing anyone said is left in the table, the events, the logs or the admin API.
import { afterAll, describe, expect, it } from 'vitest';
import { type AdminLine, startAdminLine } from '../functions/admin/admin-line.js';
import { numberTraces } from '../support/local-line.js';
import { waitFor } from '../support/wait-for.js';

const CALLER = '+15557654321';
const TEXTER = '+15557650987';
const ANA = '+15550100001';
/** A coordinator's number Twilio refuses with 21211, whose message names it. */
const UNREACHABLE_COORDINATOR = '+15550104242';
const WORDS = ['my cat is the only one who listens', 'nobody calls me anymore', 'tell me about your cat'];

let admin: AdminLine | undefined;
afterAll(async () => {
  await admin?.line.close();
});

describe('privacy canary', () => {
  it('leaves 0 numbers and 0 bodies in table items, events, logs and admin responses', async () => {
    admin = await startAdminLine({ env: { COORDINATOR_NUMBERS: UNREACHABLE_COORDINATOR } });
    const { line } = admin;
    const phone = (number: string) => line.simulator.phone(number);
    line.simulator.invalidNumbers.add(UNREACHABLE_COORDINATOR);

    const call = await phone(CALLER).dial();
    await call.waitForSay('peer support line, not a crisis line');
    const offer = await phone(ANA).waitForIncomingCall();
    await offer.answer();
    await offer.waitForGather();
    await offer.press('1');
    await call.waitForConference();
    await call.hangup();
    await line.idle();

    await phone(TEXTER).text(WORDS[0] ?? '');
    await waitFor(() => phone(ANA).messages.some((m) => m.body.includes('Reply ACCEPT')), 'a text offer');
    await phone(ANA).text('ACCEPT');
    await phone(ANA).waitForMessage(WORDS[0] ?? '');
    await phone(TEXTER).text(WORDS[1] ?? '');
    await phone(ANA).waitForMessage(WORDS[1] ?? '');
    await phone(ANA).text(WORDS[2] ?? '');
    await phone(TEXTER).waitForMessage(WORDS[2] ?? '');
    // The coordinators are texted about the escalation, and Twilio refuses the number with 21211.
    await phone(ANA).text('ESCALATE');
    await line.idle();
    await phone(ANA).text('END');
    await line.idle();
    const refused = line.logLines.filter(
      (l) => l.includes('event delivery failed') && l.includes('notifier'),
    );
    expect(refused.length).toBeGreaterThan(0);

    const items = await line.scanTable();
    const responses = await Promise.all(
      [
        '/admin/board',
        '/admin/contacts',
        '/admin/reports',
        '/admin/reports.csv',
        '/admin/contacts.csv',
        '/admin/audit',
        '/admin/blocked',
      ].map(async (path) => (await admin?.api.request('GET', path))?.text ?? ''),
    );
    const places = {
      'table items': JSON.stringify(items),
      events: JSON.stringify([line.bus.published, line.bus.deadLetters]),
      logs: line.logLines.join('\n'),
      'admin responses': responses.join('\n'),
    };
    const canaries = [...numberTraces(CALLER), ...numberTraces(TEXTER), ...WORDS];
    // The coordinator's number is the coordinators' own setting in the API; it must stay out of the rest.
    const coordinatorTraces = numberTraces(UNREACHABLE_COORDINATOR);
    const found: string[] = [];
    for (const [place, text] of Object.entries(places)) {
      for (const canary of canaries) if (text.includes(canary)) found.push(`${canary} in ${place}`);
      if (place !== 'admin responses')
        for (const trace of coordinatorTraces) if (text.includes(trace)) found.push(`${trace} in ${place}`);
    }

    console.log(
      `privacy canary: ${found.length} numbers or bodies found in ${items.length} table items, ${line.bus.published.length} events, ` +
        `${line.logLines.length} log lines and ${responses.length} admin responses, after a Twilio 21211 naming a number`,
    );
    expect(found).toEqual([]);
    expect(line.logLines.length).toBeGreaterThan(0);
  });
});
