// A Spanish speaker hears Spanish on every path, including the ones before they can choose a language.
import { afterEach, describe, expect, it } from 'vitest';
import { localDayOf, localMinuteOf, weekdayOfDay } from '../../flows/roster/local-time.js';
import { type AdminLine, startAdminLine } from '../functions/admin/admin-line.js';
import { callContactId, movableClock } from '../support/local-line.js';
import { waitFor } from '../support/wait-for.js';

const CALLER = '+15557654321';
const TEXTER = '+15557650009';

let admin: AdminLine;
afterEach(async () => {
  await admin?.line.close();
});

/** What Twilio was told to say, in order, with each <Say>'s language: the simulator's timeline keeps the TwiML. */
function saysIn(language: 'en-US' | 'es-US'): string[] {
  return admin.line.simulator.timeline
    .filter((entry) => entry.kind === 'twiml')
    .flatMap((entry) =>
      [...(entry.detail ?? '').matchAll(/<Say language="([^"]+)">([^<]*)<\/Say>/g)]
        .filter((match) => match[1] === language)
        .map((match) => match[2] ?? ''),
    );
}

/** Open on Mondays only, 08:00-08:01: closed at almost any moment the test runs. */
const CLOSED_HOURS = {
  alwaysOpen: false,
  windows: [{ day: 'mon' as const, start: '08:00', end: '08:01' }],
  holidays: [],
};

/** A line on CLOSED_HOURS; started in the one minute a week those hours are open, its clock moves past it. */
async function startClosedLine(): Promise<AdminLine> {
  const clock = movableClock();
  const started = await startAdminLine({ clock });
  const { timeZone } = (await started.line.store.getLine()).settings;
  const now = clock.now();
  if (weekdayOfDay(localDayOf(now, timeZone)) === 'mon' && localMinuteOf(now, timeZone) === 8 * 60)
    clock.advance(2 * 60_000);
  await started.line.store.saveSettings({ hours: CLOSED_HOURS });
  return started;
}

describe('a Spanish-speaking caller', () => {
  it('hears the closed line in Spanish, with Spanish day names and time, before choosing a language', async () => {
    admin = await startClosedLine();
    const call = await admin.line.simulator.phone(CALLER).dial();
    await call.waitForSay('La línea de apoyo está cerrada en este momento.');
    const spanish = saysIn('es-US').join(' ');
    expect(spanish).toMatch(/Abrimos de nuevo (hoy|el lunes) a las 8:00 a\.\s?m\./);
    expect(spanish).toContain('Oprima 9 ahora');
    // English first: most callers understand it, and it is what they heard before this change.
    expect(saysIn('en-US').join(' ')).toContain('The warmline is closed right now.');
    await call.waitForGather();
    await call.press('9');
    await admin.line.simulator.phone('988').waitForIncomingCall();
    // Pressed before any language was chosen: "connecting you" in both.
    expect(saysIn('es-US')).toContain('Le conectamos ahora con la línea de crisis. Por favor, no cuelgue.');
    expect(saysIn('en-US')).toContain('Connecting you to the crisis line now. Please stay on the line.');
  });

  it('hears that nobody is on shift in Spanish', async () => {
    admin = await startAdminLine({ seed: false });
    // Open whatever the hour: at night in the line's time zone the default hours would say closed instead.
    await admin.line.store.saveSettings({ hours: { alwaysOpen: true, windows: [], holidays: [] } });
    const call = await admin.line.simulator.phone(CALLER).dial();
    await call.waitForSay('no hay personas voluntarias disponibles');
    expect(saysIn('es-US').join(' ')).toContain('Oprima 9 ahora para comunicarse con la línea de crisis');
  });

  it('hears in Spanish that the line cannot take a blocked call', async () => {
    admin = await startAdminLine();
    const first = await admin.line.simulator.phone(CALLER).dial();
    await first.waitForGather();
    await first.hangup();
    await waitFor(
      async () =>
        (await admin.line.store.getContact(callContactId(admin.line, first.sid)))?.status === 'ended',
      'the first call to end',
    );
    const blocked = await admin.api.request('POST', '/admin/blocked', {
      contactId: callContactId(admin.line, first.sid),
    });
    expect(blocked.status).toBe(201);
    const again = await admin.line.simulator.phone(CALLER).dial();
    await again.waitForSay('Esta línea no puede atender su llamada. Adiós.');
    expect(again.transcript).toContain('This line is not able to take your call. Goodbye.');
  });

  it('is told in Spanish at the greeting that 9 reaches the crisis line, and after 2 hears the peer-line wording in Spanish', async () => {
    admin = await startAdminLine();
    const call = await admin.line.simulator.phone(CALLER).dial();
    await call.waitForSay('Para español, oprima 2.');
    await call.waitForSay('oprima 9 en cualquier momento para comunicarse con la línea de crisis');
    await call.waitForGather();
    await call.press('2');
    await call.waitForSay('Esta es una línea de apoyo entre pares, no una línea de crisis.');
    await call.hangup();
  });

  it('hears the overflow in Spanish', async () => {
    admin = await startAdminLine();
    await admin.line.store.saveSettings({ maxWaitSeconds: 10, holdLoopSeconds: 5 });
    for (const phone of ['+15550100001', '+15550100002', '+15550100003'])
      admin.line.simulator.phone(phone).answerMode = 'busy';
    const call = await admin.line.simulator.phone(CALLER).dial();
    await call.waitForGather();
    await call.press('2');
    await call.waitForSay('Todas las personas voluntarias siguen ocupadas', 30_000);
    expect(saysIn('en-US').join(' ')).not.toContain('All our volunteers are still busy');
  });

  it('hears the technical-problem reply in both languages before choosing, and in Spanish after', async () => {
    admin = await startAdminLine();
    const call = await admin.line.simulator.phone(CALLER).dial();
    await call.waitForGather();
    admin.line.faults.active = { store: 'fail' };
    await call.press('2');
    await call.waitForSay('la línea tiene un problema técnico');
    expect(call.transcript.join(' ')).toContain('the warmline is having a technical problem');

    admin.line.faults.active = {};
    const spanish = await admin.line.simulator.phone('+15557654322').dial();
    await spanish.waitForGather();
    await spanish.press('2');
    await spanish.waitForSay('Gracias por esperar.');
    admin.line.faults.active = { store: 'fail' };
    const before = spanish.transcript.length;
    await spanish.waitForSay('la línea tiene un problema técnico', 30_000);
    expect(spanish.transcript.slice(before).join(' ')).not.toContain('technical problem');
  });
});

describe('a Spanish-speaking texter', () => {
  it('gets the closed reply in Spanish with the opening day and time in Spanish', async () => {
    admin = await startClosedLine();
    await admin.line.simulator.phone(TEXTER).text('hola, necesito hablar con alguien');
    const reply = await admin.line.simulator.phone(TEXTER).waitForMessage('cerrada');
    expect(reply.body).toMatch(/Abrimos de nuevo (hoy|el lunes) a las 8:00 a\.\s?m\./);
    expect(reply.body).not.toMatch(/today|on Monday| at /);
  });
});
