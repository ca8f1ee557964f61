// Records for store tests: a contact or a volunteer at `now`, each with ids of its own, overridable field by field.
import type { Contact, Volunteer } from '../../flows/model.js';

const HOUR = 3_600_000;
let ids = 0;

export function contactAt(now: number, overrides: Partial<Contact> = {}): Contact {
  ids++;
  return {
    contactId: `c-${ids}`,
    channel: 'voice',
    language: 'en',
    status: 'greeting',
    callerKey: `key-${ids}`,
    callerSealed: 'v1.iv.body.tag',
    callSid: `CA${ids}`,
    startedAt: now,
    offersOutstanding: 0,
    offerRound: 0,
    liveUntil: now + 6 * HOUR,
    ...overrides,
  };
}

export function volunteerAt(now: number, overrides: Partial<Volunteer> = {}): Volunteer {
  ids++;
  return {
    volunteerId: `v-${ids}`,
    name: `Volunteer ${ids}`,
    phoneSealed: 'v1.iv.body.tag',
    phoneKey: `pk-${ids}`,
    languages: ['en'],
    active: true,
    maxTextSessions: 2,
    onShift: false,
    state: 'available',
    idleSince: now,
    missedOffers: 0,
    version: 0,
    ...overrides,
  };
}
