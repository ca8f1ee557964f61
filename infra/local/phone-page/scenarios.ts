// The demo's scenario buttons: each sets the stage through the real flows (shift texts, calls, texts) and leaves the rest to the person.
import { DEFAULT_SURVEY } from '../../../flows/standard-settings.js';
import type { LocalWarmline } from '../runner.js';
import type { SimCall } from '../simulator/call-leg.js';
import type { PageFeed } from './page-feed.js';
import { DEMO_CALLER, type PhoneBook, SECOND_CALLER } from './page-state.js';
import type { ScenarioName } from './page-types.js';

type Warmline = Pick<LocalWarmline, 'simulator' | 'store' | 'volunteers'>;

export interface ScenarioContext {
  readonly warmline: Warmline;
  readonly feed: PageFeed;
  readonly book: PhoneBook;
  /** How long to wait for the line to ring a volunteer; simulated waits are scaled, this is real time. */
  readonly ringWaitMs?: number;
}

/** Words the crisis detector flags (a plan and the means): the line must answer with crisis options. */
export const CRISIS_TEXT = 'i have the pills ready and i am going to take them all tonight';

export async function runScenario(name: ScenarioName, context: ScenarioContext): Promise<void> {
  switch (name) {
    case 'two-callers-one-volunteer':
      return twoCallersOneVolunteer(context);
    case 'nobody-on-shift':
      return nobodyOnShift(context);
    case 'crisis-text':
      return crisisText(context);
    case 'hang-up-while-ringing':
      return hangUpWhileRinging(context);
    case 'supervisor-listens-and-coaches':
      return supervisorListensAndCoaches(context);
    case 'text-then-survey':
      return textThenSurvey(context);
    case 'wrap-up-codes':
      return wrapUpCodes(context);
    case 'everyone-on-shift':
      await setShifts(context, () => true);
      context.feed.narrate('Scenario: every demo volunteer is on shift again.');
  }
}

async function twoCallersOneVolunteer(context: ScenarioContext): Promise<void> {
  const { warmline, feed, book } = context;
  const [first] = warmline.volunteers;
  if (!first) return;
  feed.narrate(
    `Scenario: two callers, one volunteer. Everyone but ${first.name} texts OFF, then two callers dial in.`,
  );
  await setShifts(context, (phone) => phone === first.phone);
  book.addCaller(SECOND_CALLER, 'Second caller');
  await hangUpLiveCalls(context, [DEMO_CALLER, SECOND_CALLER]);
  await warmline.simulator.phone(DEMO_CALLER).dial();
  await warmline.simulator.phone(SECOND_CALLER).dial();
  feed.narrate(
    `Answer on ${first.name}'s phone and press 1 to take the first caller; the second caller holds until ${first.name} is free.`,
  );
}

async function nobodyOnShift(context: ScenarioContext): Promise<void> {
  const { warmline, feed } = context;
  feed.narrate('Scenario: nobody on shift. Every volunteer texts OFF, then the caller dials in.');
  await setShifts(context, () => false);
  await hangUpLiveCalls(context, [DEMO_CALLER]);
  await warmline.simulator.phone(DEMO_CALLER).dial();
  feed.narrate(
    'The caller hears that nobody is available and is offered the crisis line. "Everyone back on shift" undoes this.',
  );
}

async function crisisText(context: ScenarioContext): Promise<void> {
  const { warmline, feed } = context;
  feed.narrate('Scenario: a crisis text. The caller texts words of danger to the line.');
  await warmline.simulator.phone(DEMO_CALLER).text(CRISIS_TEXT);
  feed.narrate(
    'The texter gets the crisis options at once and the clinician on call is alerted, without the words or the number.',
  );
}

/** A short text conversation that the volunteer ends, with the survey turned on, so its first question arrives. */
async function textThenSurvey(context: ScenarioContext): Promise<void> {
  const { warmline, feed } = context;
  const { simulator } = warmline;
  const [first] = warmline.volunteers;
  if (!first) return;
  feed.narrate(
    `Scenario: a text conversation, then the survey. The survey is turned on (it is off by default); everyone but ${first.name} texts OFF.`,
  );
  await warmline.store.saveSettings({ survey: { ...DEFAULT_SURVEY, enabled: true } });
  await setShifts(context, (phone) => phone === first.phone);
  const volunteer = simulator.phone(first.phone);
  const offers = () => volunteer.messages.filter((m) => m.body.includes('Reply ACCEPT')).length;
  const before = offers();
  await simulator.phone(DEMO_CALLER).text('hi, is anyone there? I had a rough day');
  await simulator.until(() => offers() > before, 'the offer to the volunteer', context.ringWaitMs ?? 120_000);
  await volunteer.text('ACCEPT');
  await volunteer.text("I'm here. I'm glad you texted. What happened today?");
  await simulator.phone(DEMO_CALLER).text('work was hard, but talking helps. thanks');
  await volunteer.text('END');
  feed.narrate(
    'The volunteer ended the conversation: the texter gets the survey once. Reply on the caller phone with a digit from 1 to 5, then Y or N; the answers are kept without the number and show in the reports once five people have answered.',
  );
}

async function hangUpWhileRinging(context: ScenarioContext): Promise<void> {
  const { warmline, feed } = context;
  const { simulator } = warmline;
  feed.narrate('Scenario: the caller hangs up while a volunteer is being rung.');
  await setShifts(context, () => true);
  await hangUpLiveCalls(context, [DEMO_CALLER]);
  const before = new Set(simulator.calls().map((call) => call.sid));
  const volunteerPhones = new Set(warmline.volunteers.map((v) => v.phone));
  const call = await simulator.phone(DEMO_CALLER).dial();
  const ringing = await simulator.until(
    () =>
      simulator
        .calls()
        .find((leg) => !before.has(leg.sid) && leg.status === 'ringing' && volunteerPhones.has(leg.to)),
    'a volunteer phone to ring',
    context.ringWaitMs ?? 120_000,
  );
  const name = warmline.volunteers.find((v) => v.phone === ringing.to)?.name ?? 'A volunteer';
  feed.narrate(`${name}'s phone is ringing: the caller hangs up now. Every ringing offer is cancelled.`);
  await call.hangup();
}

/**
 * Plays both wrap-up paths from start to end: a call the volunteer codes by keypad after the caller hangs up,
 * then a text conversation they END and code with CODES. The report in the console shows both.
 */
async function wrapUpCodes(context: ScenarioContext): Promise<void> {
  const { warmline, feed } = context;
  // A volunteer still in wrap-up after an earlier demo call would not be rung for a minute: pick a free one.
  const states = await Promise.all(
    warmline.volunteers.map((v) => warmline.store.getVolunteer(v.volunteerId)),
  );
  const first =
    warmline.volunteers.find((_, index) => states[index]?.state === 'available') ?? warmline.volunteers[0];
  if (!first) return;
  const wait = context.ringWaitMs ?? 120_000;
  feed.narrate(`Scenario: wrap-up codes. Only ${first.name} is on shift; the caller dials in.`);
  await setShifts(context, (phone) => phone === first.phone);
  await hangUpLiveCalls(context, [DEMO_CALLER]);
  const volunteer = warmline.simulator.phone(first.phone);
  // Earlier demo calls to this phone may never have been picked up here: only a leg ringing now is the offer.
  const before = new Set(warmline.simulator.calls().map((leg) => leg.sid));
  const call = await warmline.simulator.phone(DEMO_CALLER).dial();
  const offer = await warmline.simulator.until(
    () =>
      warmline.simulator
        .calls()
        .find((leg) => !before.has(leg.sid) && leg.status === 'ringing' && leg.to === first.phone),
    `${first.name}'s phone to ring`,
    wait,
  );
  await offer.answer();
  await offer.waitForGather(wait);
  await offer.press('1');
  await offer.waitForConference(wait);
  feed.narrate(`${first.name} took the call. The caller hangs up; ${first.name} hears the wrap-up ask.`);
  await call.hangup();
  await offer.waitForSay('Wrap-up codes', wait);
  await offer.press('13*1*0#');
  feed.narrate(
    `${first.name} keyed 13*1*0#: topics 1 and 3, referral 1, no safety concern. Next, a text conversation.`,
  );
  await offer.waitForSay('Codes saved', wait);
  // The demo phone may already hold texts like these from earlier runs: only new ones count.
  const seen = volunteer.messages.length;
  const next = (words: string) =>
    warmline.simulator.until(
      () => volunteer.messages.slice(seen).find((message) => message.body.includes(words)),
      `"${words}" to ${first.name}`,
      wait,
    );
  await warmline.simulator.phone(DEMO_CALLER).text('hi, it has been a lonely week');
  await next('Reply ACCEPT');
  await volunteer.text('ACCEPT');
  const tag = (await next("You're connected")).body.slice(1, 2);
  await volunteer.text(`END ${tag}`);
  await next('Wrap-up codes, if you like');
  await volunteer.text(`CODES ${tag} 1 R0 S0`);
  await next('Wrap-up codes saved');
  feed.narrate(
    `${first.name} texted CODES ${tag} 1 R0 S0. Both contacts now show by topic and referral on the console's reports page.`,
  );
}

/**
 * The first demo volunteer takes a call and texts SUPPORT; the last one, marked supervisor, is texted the call's
 * reference, texts LISTEN and is rung in muted. COACH is left to the person, to hear the difference.
 */
async function supervisorListensAndCoaches(context: ScenarioContext): Promise<void> {
  const { warmline, feed } = context;
  const { simulator } = warmline;
  // The peer must be free now (a volunteer still wrapping up an earlier demo call would not be rung).
  const records = await Promise.all(
    warmline.volunteers.map((v) => warmline.store.getVolunteer(v.volunteerId)),
  );
  const peer = warmline.volunteers.find(
    (_, index) =>
      records[index]?.active &&
      records[index].state !== 'busy' &&
      (records[index].wrapUntil ?? 0) <= Date.now(),
  );
  const supervisor = warmline.volunteers.filter((v) => v !== peer).at(-1);
  if (!peer || !supervisor) {
    feed.narrate('Scenario: every demo volunteer is busy or wrapping up; try again in a minute.');
    return;
  }
  feed.narrate(
    `Scenario: a supervisor listens in. ${supervisor.name} is marked supervisor; only ${peer.name} is on shift when the caller dials.`,
  );
  await warmline.store.updateVolunteer(supervisor.volunteerId, { set: { supervisor: true } });
  await setShifts(context, (phone) => phone === peer.phone);
  await hangUpLiveCalls(context, [DEMO_CALLER]);
  const caller = await simulator.phone(DEMO_CALLER).dial();
  const offer = await newRingingCall(context, peer.phone, caller.sid);
  void offer.answer();
  await offer.waitForGather(context.ringWaitMs ?? 120_000);
  await offer.press('1');
  await caller.waitForConference();
  // On shift now, so SUPPORT finds them; nobody is waiting, so nothing rings.
  await simulator.phone(supervisor.phone).text('ON');
  feed.narrate(`${peer.name} is with the caller and texts SUPPORT.`);
  await simulator.phone(peer.phone).text('SUPPORT');
  const asked = await simulator.phone(supervisor.phone).waitForMessage('asks for support on call');
  const reference = /call (\d{5})/.exec(asked.body)?.[1] ?? '';
  feed.narrate(`${supervisor.name} got the reference ${reference} and texts LISTEN ${reference}.`);
  const before = simulator.calls().at(-1)?.sid ?? '';
  await simulator.phone(supervisor.phone).text(`LISTEN ${reference}`);
  const leg = await newRingingCall(context, supervisor.phone, before);
  void leg.answer();
  await leg.waitForConference();
  feed.narrate(
    `${supervisor.name} is in the call, muted. Hears the caller: ${simulator.hears(leg, caller)}; hears ${peer.name}: ${simulator.hears(leg, offer)}; heard by the caller: ${simulator.hears(caller, leg)}. ` +
      `Hang up on ${supervisor.name}'s phone and text COACH ${reference} to be heard by ${peer.name} only; the caller never hears a beep.`,
  );
}

/** The first call to ring `phone` that the simulator placed after the leg `after`. */
async function newRingingCall(context: ScenarioContext, phone: string, after: string): Promise<SimCall> {
  const { simulator } = context.warmline;
  const known = simulator.calls().findIndex((call) => call.sid === after);
  return simulator.until(
    () =>
      simulator
        .calls()
        .slice(known + 1)
        .find((call) => call.to === phone && call.status === 'ringing'),
    `a call to ${phone}`,
    context.ringWaitMs ?? 120_000,
  );
}

/** Puts each demo volunteer on or off shift the way a volunteer would: by texting ON or OFF. */
async function setShifts(context: ScenarioContext, shouldBeOn: (phone: string) => boolean): Promise<void> {
  const { warmline } = context;
  for (const seeded of warmline.volunteers) {
    const volunteer = await warmline.store.getVolunteer(seeded.volunteerId);
    const wanted = shouldBeOn(seeded.phone);
    if (volunteer?.onShift === wanted) continue;
    await warmline.simulator.phone(seeded.phone).text(wanted ? 'ON' : 'OFF');
  }
}

async function hangUpLiveCalls(context: ScenarioContext, numbers: readonly string[]): Promise<void> {
  for (const call of context.warmline.simulator.calls()) {
    if (call.direction === 'inbound' && numbers.includes(call.from) && !call.isOver) await call.hangup();
  }
}
