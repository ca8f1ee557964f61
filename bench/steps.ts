// Each webhook step of a voice call and of a text conversation, driven through the simulator on the local line,
// with the DynamoDB calls, events and REST requests that step made itself (the usage meter's scopes).

import type { LineSettingsPatch } from '../flows/line-settings.js';
import { contactIdForCall } from '../flows/voice/voice-deps.js';
import { type LocalRunnerOptions, type LocalWarmline, startLocalWarmline } from '../infra/local/runner.js';
import type { SimCall } from '../infra/local/simulator/call-leg.js';
import { type Invocation, UsageMeter } from '../infra/local/usage-meter.js';
import { silentLog } from '../test/support/silent-log.js';
import { waitFor } from '../test/support/wait-for.js';

export interface StepFigures {
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Medians per request of the step. */
  readonly dynamoCalls: number;
  readonly readUnits: number;
  readonly writeUnits: number;
  readonly events: number;
  readonly restCalls: number;
  readonly samples: number;
}

export interface StepsReport {
  /** `voice.<route>` and `sms.<route>`: the webhook steps. */
  readonly steps: Record<string, StepFigures>;
  /** What the dispatcher and notifier did per delivery, by event type (not on any webhook). */
  readonly deliveries: Record<string, StepFigures>;
}

const VOLUNTEER_PHONES = ['+15550100001', '+15550100002', '+15550100003'];
const TIMEOUT_MS = 60_000;

export const percentile = (values: readonly number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
};

export function summarise(invocations: readonly Invocation[]): StepFigures {
  const median = (pick: (i: Invocation) => number) => percentile(invocations.map(pick), 0.5);
  return {
    p50Ms: percentile(
      invocations.map((i) => i.ms),
      0.5,
    ),
    p99Ms: percentile(
      invocations.map((i) => i.ms),
      0.99,
    ),
    dynamoCalls: median((i) => i.dynamoCalls),
    readUnits: median((i) => i.readUnits),
    writeUnits: median((i) => i.writeUnits),
    events: median((i) => i.events),
    restCalls: median((i) => i.restCalls),
    samples: invocations.length,
  };
}

function groupBy(
  invocations: readonly Invocation[],
  key: (i: Invocation) => string | undefined,
): Record<string, StepFigures> {
  const groups = new Map<string, Invocation[]>();
  for (const invocation of invocations) {
    const name = key(invocation);
    if (name) groups.set(name, [...(groups.get(name) ?? []), invocation]);
  }
  return Object.fromEntries([...groups].sort().map(([name, list]) => [name, summarise(list)]));
}

/** The demo line, always open, with every invocation metered. */
export async function startMeteredLine(
  meter: UsageMeter,
  settings: LineSettingsPatch = {},
  options: Partial<LocalRunnerOptions> = {},
): Promise<LocalWarmline> {
  const line = await startLocalWarmline({
    port: 0,
    timeScale: 0.05,
    log: silentLog(),
    seedRoster: false,
    meter,
    ...options,
  });
  await line.store.saveSettings({ hours: { alwaysOpen: true, windows: [], holidays: [] }, ...settings });
  await line.idle();
  return line;
}

export async function measureSteps(samples: number): Promise<StepsReport> {
  const meter = new UsageMeter();
  const line = await startMeteredLine(meter, { wrapUpSeconds: 0 });
  try {
    const channelOf = new Map<Invocation, 'voice' | 'sms'>();
    const mark = (channel: 'voice' | 'sms', from: number) => {
      for (const invocation of meter.invocations.slice(from)) channelOf.set(invocation, channel);
    };
    for (let i = 0; i < samples; i++) {
      let from = meter.invocations.length;
      await answeredCall(line, i);
      mark('voice', from);
      from = meter.invocations.length;
      await textConversation(line, i);
      mark('sms', from);
    }
    const all = [...channelOf.keys()];
    return {
      steps: groupBy(
        all.filter((i) => i.fn === 'twilio-webhook'),
        (i) => `${channelOf.get(i)}.${i.step}`,
      ),
      deliveries: groupBy(
        all.filter((i) => i.fn === 'dispatcher' || i.fn === 'notifier'),
        (i) => `${i.fn}.${i.step}`,
      ),
    };
  } finally {
    await line.close();
  }
}

/** A caller chooses English, holds, a volunteer accepts by pressing 1, they talk, the caller hangs up. */
export async function answeredCall(
  line: LocalWarmline,
  index: number,
  timing: { readonly beforeOffer?: () => Promise<void>; readonly talkMs?: number } = {},
): Promise<SimCall> {
  const call = await line.simulator.phone(callerNumber(index)).dial();
  await call.waitForGather(TIMEOUT_MS);
  await call.press('1');
  const contactId = contactIdForCall(line.core.vault, call.sid);
  await waitFor(
    async () => (await line.store.getContact(contactId))?.status === 'queued',
    'the caller to queue',
    TIMEOUT_MS,
  );
  await timing.beforeOffer?.();
  const offer = await nextOfferLeg(line, call.sid);
  await offer.answer();
  await offer.waitForGather(TIMEOUT_MS);
  await offer.press('1');
  await call.waitForConference(TIMEOUT_MS);
  await offer.waitForConference(TIMEOUT_MS);
  if (timing.talkMs) await line.simulator.wait(timing.talkMs);
  await call.hangup();
  await offer.waitForStatus('completed', TIMEOUT_MS);
  await line.idle();
  return call;
}

/** The first volunteer leg placed since the call began that nobody has picked up yet. */
async function nextOfferLeg(line: LocalWarmline, callerSid: string): Promise<SimCall> {
  const placedAfter = line.simulator.calls().findIndex((c) => c.sid === callerSid);
  return line.simulator.until(
    () =>
      line.simulator
        .calls()
        .slice(placedAfter + 1)
        .find((c) => c.direction !== 'inbound' && VOLUNTEER_PHONES.includes(c.to) && !c.isOver),
    'a volunteer to be rung',
    TIMEOUT_MS,
  );
}

/** A texter writes, a volunteer ACCEPTs, a message each way, the volunteer ENDs. */
async function textConversation(line: LocalWarmline, index: number): Promise<void> {
  const texter = line.simulator.phone(callerNumber(index + 50_000));
  await texter.text('hi, I would like to talk to someone tonight');
  const offered = await waitFor(
    async () => (await line.store.listOnShift()).find((v) => v.textOffer !== undefined),
    'a text offer',
    TIMEOUT_MS,
  );
  const volunteer = line.simulator.phone(
    line.volunteers.find((v) => v.volunteerId === offered.volunteerId)?.phone ?? '',
  );
  const received = () => volunteer.messages.length;
  await volunteer.text('ACCEPT');
  const texterKey = line.core.vault.keyOf(texter.number);
  const contactId = await waitFor(
    async () => {
      const record = await line.store.getPhone(texterKey);
      const contact = record?.contactId ? await line.store.getContact(record.contactId) : undefined;
      return contact?.status === 'connected' ? contact.contactId : undefined;
    },
    'the conversation to connect',
    TIMEOUT_MS,
  );
  await line.idle();
  let before = received();
  await texter.text('thank you for answering');
  await line.simulator.until(() => received() > before, 'the relay to the volunteer', TIMEOUT_MS);
  before = texter.messages.length;
  await volunteer.text("I'm glad you wrote. What's on your mind?");
  await line.simulator.until(() => texter.messages.length > before, 'the relay to the texter', TIMEOUT_MS);
  await volunteer.text('END');
  await waitFor(
    async () => (await line.store.getContact(contactId))?.status === 'ended',
    'the conversation to end',
    TIMEOUT_MS,
  );
  await line.idle();
}

const callerNumber = (index: number) => `+1555${String(2_000_000 + index).padStart(7, '0')}`;
