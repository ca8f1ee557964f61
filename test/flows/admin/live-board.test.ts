// The live board: waiting contacts by queue, who is on shift doing what, and nothing that identifies a caller.
import { describe, expect, it } from 'vitest';
import { shapeBoard, volunteerActivity } from '../../../flows/admin/live-board.js';
import type { Contact, Volunteer } from '../../../flows/model.js';
import { contactReference } from '../../../flows/supervision/contact-reference.js';

const NOW = 1_800_000_000_000;

function volunteer(volunteerId: string, extra: Partial<Volunteer> = {}): Volunteer {
  return {
    volunteerId,
    name: volunteerId.toUpperCase(),
    phoneSealed: 'sealed',
    phoneKey: 'key',
    languages: ['en'],
    active: true,
    maxTextSessions: 3,
    onShift: true,
    state: 'available',
    idleSince: 0,
    missedOffers: 0,
    version: 1,
    ...extra,
  };
}

function contact(contactId: string, extra: Partial<Contact> = {}): Contact {
  return {
    contactId,
    channel: 'voice',
    language: 'en',
    status: 'queued',
    callerKey: 'secret-key',
    callerSealed: 'sealed-number',
    startedAt: NOW - 120_000,
    queuedAt: NOW - 90_000,
    offersOutstanding: 2,
    offerRound: 1,
    liveUntil: NOW + 3_600_000,
    ...extra,
  };
}

describe('volunteerActivity', () => {
  it('reads the state, with wrap-up over once its time has passed and texts counting as a contact', () => {
    expect(volunteerActivity(volunteer('a', { state: 'busy' }), NOW)).toBe('on a contact');
    expect(volunteerActivity(volunteer('a', { state: 'wrapup', wrapUntil: NOW + 1 }), NOW)).toBe(
      'wrapping up',
    );
    expect(volunteerActivity(volunteer('a', { state: 'wrapup', wrapUntil: NOW }), NOW)).toBe('available');
    expect(volunteerActivity(volunteer('a', { textSessions: { A: 'c1' } }), NOW)).toBe('on a contact');
    expect(volunteerActivity(volunteer('a', { state: 'paused' }), NOW)).toBe('paused');
  });
});

describe('shapeBoard', () => {
  it('lists waiting contacts longest first, live ones with their volunteer, and no caller identity', () => {
    const board = shapeBoard({
      now: NOW,
      lineOpen: true,
      queues: [
        {
          channel: 'voice',
          language: 'en',
          contacts: [
            contact('short', { queuedAt: NOW - 10_000 }),
            contact('long', { queuedAt: NOW - 300_000 }),
            contact('expired', { liveUntil: NOW - 1 }),
          ],
        },
        { channel: 'sms', language: 'es', contacts: [] },
      ],
      live: [
        contact('talking', { status: 'connected', volunteerId: 'ana', answeredAt: NOW - 60_000 }),
        contact('done', { status: 'ended' }),
      ],
      onShift: [volunteer('ben'), volunteer('ana', { state: 'busy' })],
      rosteredIds: new Set(['ana']),
    });

    expect(board.queues[0]).toMatchObject({ waiting: 2, longestWaitSeconds: 300 });
    expect(board.queues[0]?.contacts.map((c) => c.contactId)).toEqual(['long', 'short']);
    expect(board.queues[1]).toMatchObject({ waiting: 0, longestWaitSeconds: null });
    expect(board.live).toEqual([
      {
        contactId: 'talking',
        reference: contactReference('talking'),
        channel: 'voice',
        language: 'en',
        status: 'connected',
        volunteerName: 'ANA',
        seconds: 60,
      },
    ]);
    expect(board.volunteers).toEqual([
      {
        volunteerId: 'ana',
        name: 'ANA',
        languages: ['en'],
        rostered: true,
        activity: 'on a contact',
        textSessions: 0,
      },
      {
        volunteerId: 'ben',
        name: 'BEN',
        languages: ['en'],
        rostered: false,
        activity: 'available',
        textSessions: 0,
      },
    ]);
    expect(board.staffed).toBe(true);
    const text = JSON.stringify(board);
    expect(text).not.toContain('secret-key');
    expect(text).not.toContain('sealed');
  });

  it('is unstaffed with nobody on shift', () => {
    const board = shapeBoard({
      now: NOW,
      lineOpen: true,
      queues: [],
      live: [],
      onShift: [],
      rosteredIds: new Set(),
    });

    expect(board.staffed).toBe(false);
    expect(board.allPaused).toBe(false);
  });

  it('says when everyone on shift is paused, and stops saying it once one is available', () => {
    const shape = (onShift: Volunteer[]) =>
      shapeBoard({ now: NOW, lineOpen: true, queues: [], live: [], onShift, rosteredIds: new Set() });

    const paused = shape([volunteer('a', { state: 'paused' }), volunteer('b', { state: 'paused' })]);
    const recovered = shape([volunteer('a', { state: 'paused' }), volunteer('b', { state: 'available' })]);

    expect(paused.allPaused).toBe(true);
    expect(recovered.allPaused).toBe(false);
  });
});
