// Read-along keeps sealed copies only while someone reads, capped and aged on every read; a reference names one contact.
import { describe, expect, it } from 'vitest';
import type { Contact } from '../../../flows/model.js';
import type { ContactChange } from '../../../flows/ports.js';
import { contactReference, findByReference } from '../../../flows/supervision/contact-reference.js';
import {
  keepForReadAlong,
  READ_ALONG_CAP,
  type ReadAlongDeps,
  readAlong,
  startReadAlong,
} from '../../../flows/supervision/read-along.js';
import { silentLog } from '../../support/silent-log.js';

const NOW = 1_800_000_000_000;

function conversation(overrides: Partial<Contact> = {}): Contact {
  return {
    contactId: 's-0123abcd',
    channel: 'sms',
    language: 'en',
    status: 'connected',
    callerKey: 'k',
    startedAt: NOW - 60_000,
    offersOutstanding: 0,
    offerRound: 1,
    liveUntil: NOW + 3_600_000,
    ...overrides,
  };
}

/** One contact in memory; `writes` counts every update, the cost a relay pays. */
function fakes(initial: Contact) {
  let contact = initial;
  let now = NOW;
  const state = { writes: 0 };
  const deps: ReadAlongDeps & { log: ReturnType<typeof silentLog> } = {
    store: {
      getContact: async () => contact,
      updateContact: async (_id: string, change: ContactChange) => {
        state.writes++;
        contact = { ...contact, ...change.set } as Contact;
        return contact;
      },
    },
    vault: {
      seal: (plain) => `sealed:${Buffer.from(plain).toString('base64')}`,
      open: (s) => Buffer.from(s.slice(7), 'base64').toString(),
    },
    clock: { now: () => now },
    log: silentLog(),
  };
  return { deps, state, current: () => contact, advance: (ms: number) => (now += ms) };
}

describe('read-along', () => {
  it('keeps nothing and writes nothing for a conversation nobody reads along', async () => {
    const { deps, state, current } = fakes(conversation());
    await keepForReadAlong(deps, current(), 'texter', 'words');
    expect(state.writes).toBe(0);
    expect(current().readAlongSealed).toBeUndefined();
  });

  it('keeps only sealed copies, the latest few, once someone reads along', async () => {
    const { deps, current } = fakes(conversation());
    await startReadAlong(deps, 's-0123abcd');
    for (let i = 0; i < READ_ALONG_CAP + 5; i++)
      await keepForReadAlong(deps, current(), 'peer', `message ${i}`);
    expect(current().readAlongSealed).toHaveLength(READ_ALONG_CAP);
    expect(JSON.stringify(current())).not.toContain('message 24');
    const shown = await readAlong(deps, 's-0123abcd');
    expect(shown?.map((m) => m.body)).toEqual(
      Array.from({ length: READ_ALONG_CAP }, (_, i) => `message ${i + 5}`),
    );
  });

  it('drops messages past their age on read, and reads nothing once the mark lapses or the conversation ends', async () => {
    const { deps, current, advance } = fakes(conversation());
    await startReadAlong(deps, 's-0123abcd');
    await keepForReadAlong(deps, current(), 'texter', 'early');
    advance(10 * 60_000);
    await startReadAlong(deps, 's-0123abcd');
    await keepForReadAlong(deps, current(), 'texter', 'later');
    advance(6 * 60_000);
    expect((await readAlong(deps, 's-0123abcd'))?.map((m) => m.body)).toEqual(['later']);
    advance(10 * 60_000);
    expect(await readAlong(deps, 's-0123abcd')).toBeUndefined();

    const ended = fakes(conversation({ status: 'ended', readAlongUntil: NOW + 60_000 }));
    expect(await readAlong(ended.deps, 's-0123abcd')).toBeUndefined();
    expect(await startReadAlong(ended.deps, 's-0123abcd')).toBeUndefined();
  });
});

describe('contact references', () => {
  it('names a live contact by five digits and refuses two that share one', () => {
    const a = conversation({ contactId: 'v-00000001' });
    const b = conversation({ contactId: 'v-000186a1' });
    expect(contactReference(a.contactId)).toBe('00001');
    expect(contactReference(b.contactId)).toBe('00001');
    expect(findByReference([a], '00001')).toEqual({ kind: 'found', contact: a });
    expect(findByReference([a, b], '00001')).toEqual({ kind: 'ambiguous' });
    expect(findByReference([a], '99999')).toEqual({ kind: 'unknown' });
  });
});
