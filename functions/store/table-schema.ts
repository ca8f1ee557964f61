// The single-table schema, read by the CDK stack, the local runner and the store adapter.
//
// Access patterns (every hot path is a GetItem, a Query on an index, or a conditional write):
// - line settings, blocked caller keys, on-shift set ........ Get  pk=LINE            sk=LINE
// - contact (live state + anonymized log) ..................... Get  pk=CONTACT#<id>    sk=CONTACT
// - offers of a contact to volunteers ......................... Query pk=CONTACT#<id>  sk begins_with OFFER#
// - a volunteer ............................................... Get  pk=VOL#<id>        sk=VOL
// - who a phone is (volunteer / texter in a session) .......... Get  pk=PHONE#<key>    sk=PHONE
// - a texter's session, tags of a volunteer's sessions ........ Get  pk=SESSION#<id>   sk=SESSION
// - idempotency of inbound webhooks (MessageSid, CallSid+step)  conditional Put pk=SEEN#<id> sk=SEEN (TTL)
// - waiting contacts of a channel+language, oldest first ...... Query gsi1 gsi1pk=QUEUE#<channel>#<lang>, gsi1sk=queuedAt
// - volunteers on shift, longest idle first ................... Query gsi1 gsi1pk=ONSHIFT, gsi1sk=idleSince
// - live contacts (board, stuck-state repair) ................. Query gsi1 gsi1pk=LIVE, gsi1sk=startedAt
// - ended contacts by month (reports) ......................... Query gsi1 gsi1pk=LOG#<yyyy-mm>, gsi1sk=startedAt
// - every volunteer (coordinators' directory) ............... Query gsi2 gsi2pk=VOLUNTEER, gsi2sk=<volunteerId>,
//   then BatchGet the records (gsi2 holds keys only)
// - a caller's contacts in the last 30 days (repeat count) .... Query gsi2 gsi2pk=CALLER#<callerKey>, gsi2sk=startedAt,
//   Select COUNT
// - events the bus refused, oldest first (outbox) ........... Query pk=OUTBOX sk=<at>#<id>; Delete to take one
// - audit log by month ........................................ Query pk=AUDIT#<yyyy-mm> sk=<at>#<id>
// - the roster, and the versions it replaced (reports' coverage) Get pk=ROSTER sk=ROSTER; Query pk=ROSTERLOG
//   sk=<effectiveFrom>#<version> between a report's ends, plus the one before (descending, Limit 1)
// - a number's pending survey, answers by contact and by month: see survey-store.ts
// Items carrying live state set `expiresAt` (epoch seconds); TTL deletes late, so reads check it too.

/** Every key attribute, table and index alike, is a string (numbers in sort keys are zero-padded). */
export const tableSchema = {
  keyAttributeType: 'S',
  partitionKey: 'pk',
  sortKey: 'sk',
  timeToLiveAttribute: 'expiresAt',
  globalIndexes: [
    // Queues, on-shift volunteers, live contacts and the log are read whole from gsi1.
    { indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk', projection: 'ALL' },
    // Counted or followed by a BatchGet: keys only, so the many updates to a contact or a volunteer that leave
    // its gsi2 keys alone write nothing there.
    { indexName: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk', projection: 'KEYS_ONLY' },
  ],
} as const;

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
