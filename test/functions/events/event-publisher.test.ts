// The event publisher: every event reaches the bus once, failed entries are resent, nothing leaks on failure.
import { EventBridgeClient, PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import type { LineEvent } from '../../../flows/events.js';
import { createEventPublisher, PublishError } from '../../../functions/events/event-publisher.js';
import { silentLog } from '../../support/silent-log.js';

const queued = (n: number): LineEvent => ({
  type: 'ContactQueued',
  contactId: `c-${n}`,
  channel: 'voice',
  language: 'en',
});
const ok = (count: number) => ({
  FailedEntryCount: 0,
  Entries: Array.from({ length: count }, (_, i) => ({ EventId: `e${i}` })),
});

describe('createEventPublisher', () => {
  const eventBridge = mockClient(EventBridgeClient);
  afterEach(() => eventBridge.reset());

  function publisher(maxAttempts?: number) {
    const sleeps: number[] = [];
    const log = silentLog();
    const events = createEventPublisher({
      client: new EventBridgeClient({ region: 'us-east-1' }),
      busName: 'line-bus',
      origin: 'webhook',
      log,
      ...(maxAttempts ? { maxAttempts } : {}),
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    });
    return { events, sleeps, log };
  }
  const sentEntries = () =>
    eventBridge
      .commandCalls(PutEventsCommand)
      .map((call) => call.args[0].input.Entries as PutEventsRequestEntry[]);

  it('sends each event with its type as detail type, the line source and bus', async () => {
    eventBridge.on(PutEventsCommand).resolves(ok(2));
    const { events, sleeps } = publisher();
    const escalated: LineEvent = {
      type: 'ContactEscalated',
      contactId: 'c-9',
      channel: 'sms',
      trigger: 'caller-language',
      kind: 'plan',
    };

    await events.publish([queued(1), escalated]);

    expect(sentEntries()).toEqual([
      [
        {
          EventBusName: 'line-bus',
          Source: 'warmline.webhook',
          DetailType: 'ContactQueued',
          Detail: JSON.stringify(queued(1)),
        },
        {
          EventBusName: 'line-bus',
          Source: 'warmline.webhook',
          DetailType: 'ContactEscalated',
          Detail: JSON.stringify(escalated),
        },
      ],
    ]);
    expect(sleeps).toEqual([]);
  });

  it('resends only the entry that failed, then stops', async () => {
    eventBridge
      .on(PutEventsCommand)
      .resolvesOnce({
        FailedEntryCount: 1,
        Entries: [
          { EventId: 'e0' },
          { ErrorCode: 'InternalFailure', ErrorMessage: 'try again' },
          { EventId: 'e2' },
        ],
      })
      .resolves(ok(1));
    const { events, sleeps } = publisher();

    await events.publish([queued(1), queued(2), queued(3)]);

    const [first, second, third] = sentEntries();
    expect(first?.map((entry) => entry.Detail)).toHaveLength(3);
    expect(second?.map((entry) => JSON.parse(entry.Detail ?? '').contactId)).toEqual(['c-2']);
    expect(third).toBeUndefined();
    expect(sleeps).toHaveLength(1);
  });

  it('gives up after the attempts allowed, naming the count and never the events', async () => {
    eventBridge
      .on(PutEventsCommand)
      .resolves({ FailedEntryCount: 1, Entries: [{ ErrorCode: 'ThrottlingException' }] });
    const { events, sleeps, log } = publisher(4);

    const failure = events.publish([queued(7)]);

    await expect(failure).rejects.toThrow(PublishError);
    await expect(failure).rejects.toThrow('1 event(s) not published after 4 attempts');
    expect(sentEntries()).toHaveLength(4);
    expect(sleeps).toHaveLength(3);
    expect(sleeps).toEqual([...sleeps].sort((a, b) => a - b));
    expect(log.lines.join('\n')).not.toContain('c-7');
  });

  it('starts no resend once its deadline has passed, however many attempts are left', async () => {
    eventBridge.on(PutEventsCommand).callsFake(async () => {
      await new Promise((resolve) => setTimeout(resolve, 40));
      return { FailedEntryCount: 1, Entries: [{ ErrorCode: 'InternalFailure' }] };
    });
    const events = createEventPublisher({
      client: new EventBridgeClient({ region: 'us-east-1' }),
      busName: 'line-bus',
      origin: 'webhook',
      log: silentLog(),
      maxAttempts: 50,
      deadlineMs: 100,
      sleep: async () => {},
    });
    const started = performance.now();
    await expect(events.publish([queued(3)])).rejects.toThrow(PublishError);
    expect(performance.now() - started).toBeLessThan(250);
    expect(sentEntries().length).toBeLessThanOrEqual(3);
  });

  it('counts the events of later chunks as not published when a chunk fails', async () => {
    eventBridge.on(PutEventsCommand).rejects(Object.assign(new Error('down'), { name: 'InternalException' }));
    const { events } = publisher(2);

    await expect(events.publish(Array.from({ length: 14 }, (_, i) => queued(i)))).rejects.toThrow(
      '14 event(s) not published after 2 attempts',
    );
    expect(sentEntries().map((chunk) => chunk.length)).toEqual([10, 10]);
  });

  it('resends every entry when a partial failure does not say which entries failed', async () => {
    eventBridge.on(PutEventsCommand).resolvesOnce({ FailedEntryCount: 1 }).resolves(ok(2));
    const { events } = publisher();

    await events.publish([queued(1), queued(2)]);

    const [first, second] = sentEntries();
    expect(second).toEqual(first);
  });

  it('retries a throttled call as a whole', async () => {
    const throttled = Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });
    eventBridge.on(PutEventsCommand).rejectsOnce(throttled).resolves(ok(2));
    const { events, log } = publisher();

    await events.publish([queued(1), queued(2)]);

    const [first, second] = sentEntries();
    expect(second).toEqual(first);
    expect(log.lines.some((line) => line.includes('ThrottlingException'))).toBe(true);
  });

  it('sends more than ten events in chunks of at most ten', async () => {
    eventBridge.on(PutEventsCommand).callsFake((input: { Entries: unknown[] }) => ok(input.Entries.length));
    const { events } = publisher();
    const many = Array.from({ length: 23 }, (_, i) => queued(i));

    await events.publish(many);

    const chunks = sentEntries();
    expect(chunks.map((chunk) => chunk.length)).toEqual([10, 10, 3]);
    expect(chunks.flat().map((entry) => JSON.parse(entry.Detail ?? '').contactId)).toEqual(
      many.map((e) => 'contactId' in e && e.contactId),
    );
  });

  it('rejects an event that does not match its schema before sending anything', async () => {
    eventBridge.on(PutEventsCommand).resolves(ok(2));
    const { events } = publisher();
    const invalid = {
      type: 'ContactQueued',
      contactId: 'c-2',
      channel: 'fax',
      language: 'en',
    } as unknown as LineEvent;

    await expect(events.publish([queued(1), invalid])).rejects.toThrow();
    expect(sentEntries()).toEqual([]);
  });

  it('sends nothing for no events', async () => {
    const { events } = publisher();

    await events.publish([]);

    expect(sentEntries()).toEqual([]);
  });
});
