// The outbox over the line's table: refused events are resent by the tick, which looks in it only when the
// line record says something was kept since it was last emptied, and sweeps every few minutes regardless.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LineEvent } from '../../../flows/events.js';
import type { EventPublisher } from '../../../flows/ports.js';
import { PublishError } from '../../../functions/events/event-publisher.js';
import { createOutboxPublisher, OUTBOX_SWEEP_MS } from '../../../functions/events/outbox.js';
import { type StoreForTest, startStoreForTest } from '../../support/dynalite-table.js';
import { movableClock } from '../../support/local-line.js';
import { silentLog } from '../../support/silent-log.js';

const offered: LineEvent = {
  type: 'ContactOffered',
  contactId: 'c-1',
  channel: 'voice',
  volunteerIds: ['ana'],
};

let table: StoreForTest | undefined;
afterEach(async () => {
  await table?.close();
  table = undefined;
});

/** A bus that refuses while `refusing` is set, and records what it accepted. */
function switchableBus(): EventPublisher & { refusing: boolean; accepted: LineEvent[] } {
  const bus = {
    refusing: false,
    accepted: [] as LineEvent[],
    async publish(events: readonly LineEvent[]) {
      if (bus.refusing) throw new PublishError('bus down', events);
      bus.accepted.push(...events);
    },
  };
  return bus;
}

async function outboxLine() {
  const clock = movableClock();
  table = await startStoreForTest({ clock, lineCacheMs: 0 });
  const { store } = table;
  const bus = switchableBus();
  const outbox = createOutboxPublisher({
    bus,
    store,
    clock,
    ids: { newId: () => crypto.randomUUID() },
    log: silentLog(),
  });
  const looks = vi.spyOn(store, 'listOutbox');
  /** One tick's redelivery, with the mark as the line record has it now. */
  const tick = async () => outbox.redeliver((await store.getLine()).outbox);
  return { store, bus, outbox, looks, tick, clock };
}

describe('the outbox', () => {
  it('is looked in only when something was kept since it was last emptied', async () => {
    const { bus, outbox, looks, tick } = await outboxLine();
    expect(await tick()).toBe(0); // a new container sweeps once
    expect(await tick()).toBe(0);
    expect(looks).toHaveBeenCalledTimes(1);

    bus.refusing = true;
    await outbox.publish([offered]);
    bus.refusing = false;
    expect(await tick()).toBe(1);
    expect(bus.accepted).toEqual([offered]);
    expect(looks).toHaveBeenCalledTimes(2);

    expect(await tick()).toBe(0);
    expect(looks).toHaveBeenCalledTimes(2);
  });

  it('keeps looking while the bus still refuses, and resends each event once it takes them', async () => {
    const { bus, outbox, looks, tick } = await outboxLine();
    await tick();
    bus.refusing = true;
    await outbox.publish([offered]);
    expect(await tick()).toBe(0);
    expect(await tick()).toBe(0);
    bus.refusing = false;
    expect(await tick()).toBe(1);
    expect(await tick()).toBe(0);
    expect(bus.accepted).toEqual([offered]);
    expect(looks).toHaveBeenCalledTimes(4);
  });

  it('finds an item whose count was lost at the next sweep, within five minutes', async () => {
    const { store, bus, outbox, looks, clock } = await outboxLine();
    const nothingKept = { kept: 0, emptiedAt: 0 };
    await outbox.redeliver(nothingKept); // this container's first sweep
    // Stored, but its count on the line record was lost: the mark still says nothing was kept.
    await store.putOutbox({ id: 'count-lost', at: clock.now(), events: [offered] });
    looks.mockClear();
    expect(await outbox.redeliver(nothingKept)).toBe(0);
    expect(looks).not.toHaveBeenCalled();
    clock.advance(OUTBOX_SWEEP_MS);
    expect(await outbox.redeliver(nothingKept)).toBe(1);
    expect(bus.accepted).toEqual([offered]);
  });
});
