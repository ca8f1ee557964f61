// The single table's keys and access patterns, in one place: the DynamoDB store, the admin and survey stores and
// the in-memory store build every key and index placement here (the physical schema is table-schema.ts).
//
// Access patterns (every hot path is a GetItem, a Query on an index, or a conditional write):
// - line settings, blocks, on-shift and paused sets, and ....... Get  pk=LINE sk=LINE (cached a few seconds)
//   the outbox's count (outboxKept, ADDed with each item; outboxEmptiedAt, the count the tick last emptied it at)
// - contact (live state + anonymized log) ..................... Get  pk=CONTACT#<id> sk=CONTACT
// - offers of a contact to volunteers ......................... Query pk=CONTACT#<id> sk begins_with OFFER#
// - a contact with its offers (bridge, hang-up) ............... Query pk=CONTACT#<id>
// - a volunteer ............................................... Get  pk=VOL#<id> sk=VOL
// - who a phone is (volunteer, or a texter's conversation) .... Get  pk=PHONE#<phoneKey> sk=PHONE
// - replays of inbound webhooks and events (a marker) ......... conditional Put pk=SEEN#<key> sk=SEEN (TTL)
// - a clinician's call-back reference ......................... Get  pk=REF#<reference> sk=REF (TTL)
// - waiting contacts of a channel+language, concern first ..... Query gsi1 gsi1pk=QUEUE#<channel>#<lang>,
//   gsi1sk=queueSortKey(queuedAt, concern); a hold turn reads backwards from its own key, Limit 21
// - volunteers on shift, longest idle first ................... Query gsi1 gsi1pk=ONSHIFT, gsi1sk=idleSince
// - live contacts (board, the tick's repairs) ................. Query gsi1 gsi1pk=LIVE, gsi1sk=startedAt at the
//   greeting, answeredAt once a volunteer has it
// - ended contacts by month (reports) ......................... Query gsi1 gsi1pk=LOG#<yyyy-mm of endedAt>,
//   gsi1sk=endedAt
// - every volunteer (coordinators' directory) ................. Query gsi2 gsi2pk=VOLUNTEER (keys only), then
//   BatchGet the records not read from ONSHIFT
// - a caller's contacts in the last 30 days (repeat count) .... Query gsi2 gsi2pk=CALLER#<callerKey>,
//   gsi2sk=startedAt, Select COUNT
// - events the bus refused, oldest first (outbox) ............. Query pk=OUTBOX sk=<at>#<id> when the line's
//   count is above outboxEmptiedAt (else every 5 min); the tick's conditional Delete takes one (the only delete)
// - audit log by month ........................................ Query pk=AUDIT#<yyyy-mm> sk=<at>#<id>
// - the roster and its version ................................ Get/conditional Put pk=ROSTER sk=ROSTER
// - rosters as they were (reports' coverage) .................. Query pk=ROSTERLOG sk=<effectiveFrom>#<version>
//   between a report's ends, plus the one before (descending, Limit 1)
// - blocked callers ........................................... Query pk=BLOCK sk=<blockId>; keys join LINE
// - a number's pending survey ................................. Get  pk=SURVEY#<phoneKey> sk=SURVEY (TTL);
//   closed by an update that leaves only its keys
// - survey answers by contact, and by month (reports) ......... Put pk=ANSWER#<contactId>; Query gsi1 by month
// Items carrying live state set `expiresAt` (epoch seconds); TTL deletes late, so reads check it too.
import type { Channel, Contact } from '../../flows/model.js';
import type { ContactChange } from '../../flows/ports.js';
import type { Language } from '../../flows/replies.js';

export const LINE_KEY = { pk: 'LINE', sk: 'LINE' } as const;
export const contactKey = (contactId: string) => ({ pk: `CONTACT#${contactId}`, sk: 'CONTACT' });
export const volunteerKey = (volunteerId: string) => ({ pk: `VOL#${volunteerId}`, sk: 'VOL' });
export const phoneRecordKey = (key: string) => ({ pk: `PHONE#${key}`, sk: 'PHONE' });
export const offerKey = (contactId: string, volunteerId: string) => ({
  pk: `CONTACT#${contactId}`,
  sk: `OFFER#${volunteerId}`,
});
/** An offer outlives any ring by far: a day after it was made, in epoch seconds (the table's TTL). */
export const offerExpiry = (offeredAt: number) => Math.floor(offeredAt / 1000) + 86_400;

/** The UTC month (yyyy-mm) an instant falls in: the log, the audit and the survey answers are kept by month. */
export const monthOf = (at: number) => new Date(at).toISOString().slice(0, 7);

/** Every month from the one `fromMs` falls in to the one `toMs` falls in, oldest first. */
export function monthsBetween(fromMs: number, toMs: number): string[] {
  const months: string[] = [];
  const cursor = new Date(fromMs);
  cursor.setUTCDate(1);
  cursor.setUTCHours(0, 0, 0, 0);
  while (cursor.getTime() <= toMs) {
    months.push(monthOf(cursor.getTime()));
    cursor.setUTCMonth(cursor.getUTCMonth() + 1);
  }
  return months;
}

export const queuePartition = (channel: Channel, language: Language) => `QUEUE#${channel}#${language}`;
export const logPartition = (at: number) => `LOG#${monthOf(at)}`;
export const auditPartition = (at: number) => `AUDIT#${monthOf(at)}`;
export const ONSHIFT = 'ONSHIFT';
export const LIVE = 'LIVE';
/** The gsi2 partition listing every volunteer record, on shift or not. */
export const VOLUNTEER_DIRECTORY = 'VOLUNTEER';

/** Zero-pads epoch milliseconds so string order is time order. */
export const sortableTime = (ms: number): string => String(Math.max(0, Math.round(ms))).padStart(15, '0');

/**
 * A queued contact's place in its queue partition: concern-flagged contacts sort before all others ("!" sorts
 * before every digit), then by the time they joined, so the oldest concern is offered first.
 */
export const queueSortKey = (queuedAt: number, concern: boolean): string =>
  `${concern ? '!' : ''}${sortableTime(queuedAt)}`;

/** A contact's place in gsi1; no sort key: the change leaves the one it had. */
export interface IndexPlacement {
  readonly pk: string;
  readonly sk?: string;
}

/** Where a new contact sits in gsi1: a text joins its queue at once, a call starts live at the greeting. */
export function createdPlacement(contact: Contact): Required<IndexPlacement> {
  if (contact.status === 'queued') {
    return {
      pk: queuePartition(contact.channel, contact.language),
      sk: queueSortKey(contact.queuedAt ?? contact.startedAt, contact.concern !== undefined),
    };
  }
  if (contact.status === 'ended') {
    const at = contact.endedAt ?? contact.startedAt;
    return { pk: logPartition(at), sk: sortableTime(at) };
  }
  return { pk: LIVE, sk: sortableTime(contact.startedAt) };
}

/** Where a contact sits in gsi1 after a change, from the status it is moving to; undefined: it stays. */
export function placementAfter(channel: Channel, set: ContactChange['set']): IndexPlacement | undefined {
  switch (set?.status) {
    case 'queued':
      if (!set.language || set.queuedAt === undefined)
        throw new Error('queueing a contact needs language and queuedAt');
      // A re-queue must restate the concern (or its absence): the sort key is rebuilt from this change alone.
      return {
        pk: queuePartition(channel, set.language),
        sk: queueSortKey(set.queuedAt, set.concern !== undefined),
      };
    case 'connected':
      // Leaving the queue partition: a claimed contact must not count as waiting ahead of later ones, nor
      // crowd the dispatcher's queue window.
      return { pk: LIVE, ...(set.answeredAt === undefined ? {} : { sk: sortableTime(set.answeredAt) }) };
    case 'ended':
      if (set.endedAt === undefined) throw new Error('ending a contact needs endedAt');
      return { pk: logPartition(set.endedAt), sk: sortableTime(set.endedAt) };
    default:
      return undefined;
  }
}
