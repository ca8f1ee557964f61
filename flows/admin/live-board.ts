// The live board: who is waiting where and for how long, who is on shift and what they are doing. No numbers.
import type { ConcernKind } from '../crisis/crisis-types.js';
import type { Channel, Contact, Volunteer } from '../model.js';
import type { Language } from '../replies.js';
import { contactReference } from '../supervision/contact-reference.js';

export type BoardActivity = 'available' | 'offered' | 'on a contact' | 'wrapping up' | 'paused';

export interface LiveBoard {
  readonly at: number;
  readonly lineOpen: boolean;
  readonly staffed: boolean;
  /** Somebody is on shift and every one of them is paused: callers hear the unstaffed path until one texts ON. */
  readonly allPaused: boolean;
  readonly queues: {
    readonly channel: Channel;
    readonly language: Language;
    readonly waiting: number;
    readonly longestWaitSeconds: number | null;
    readonly contacts: {
      contactId: string;
      waitSeconds: number;
      offersOutstanding: number;
      concern?: ConcernKind;
    }[];
  }[];
  readonly volunteers: {
    readonly volunteerId: string;
    readonly name: string;
    readonly languages: readonly Language[];
    readonly rostered: boolean;
    readonly activity: BoardActivity;
    readonly textSessions: number;
  }[];
  readonly live: {
    readonly contactId: string;
    /** What a supervisor texts to listen in (LISTEN <reference>), as named in SUPPORT texts. */
    readonly reference: string;
    readonly channel: Channel;
    readonly language: Language;
    readonly status: Contact['status'];
    readonly volunteerName?: string;
    readonly seconds: number;
    readonly concern?: ConcernKind;
  }[];
}

export function volunteerActivity(volunteer: Volunteer, now: number): BoardActivity {
  switch (volunteer.state) {
    case 'busy':
      return 'on a contact';
    case 'offered':
      return 'offered';
    case 'paused':
      return 'paused';
    case 'wrapup':
      return (volunteer.wrapUntil ?? 0) > now ? 'wrapping up' : 'available';
    default:
      return volunteer.textSessions && Object.keys(volunteer.textSessions).length > 0
        ? 'on a contact'
        : 'available';
  }
}

const seconds = (from: number, to: number) => Math.max(0, Math.round((to - from) / 1000));

export function shapeBoard(input: {
  readonly now: number;
  readonly lineOpen: boolean;
  readonly queues: readonly { channel: Channel; language: Language; contacts: readonly Contact[] }[];
  readonly live: readonly Contact[];
  readonly onShift: readonly Volunteer[];
  readonly rosteredIds: ReadonlySet<string>;
}): LiveBoard {
  const { now } = input;
  const names = new Map(input.onShift.map((v) => [v.volunteerId, v.name]));
  const volunteers = input.onShift
    .filter((v) => v.onShift)
    .map((v) => ({
      volunteerId: v.volunteerId,
      name: v.name,
      languages: v.languages,
      rostered: input.rosteredIds.has(v.volunteerId),
      activity: volunteerActivity(v, now),
      textSessions: Object.keys(v.textSessions ?? {}).length,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return {
    at: now,
    lineOpen: input.lineOpen,
    staffed: volunteers.length > 0,
    allPaused: volunteers.length > 0 && volunteers.every((v) => v.activity === 'paused'),
    volunteers,
    queues: input.queues.map(({ channel, language, contacts }) => {
      const waiting = contacts
        .filter((c) => c.status === 'queued' && c.liveUntil > now)
        .map((c) => ({
          contactId: c.contactId,
          waitSeconds: seconds(c.queuedAt ?? c.startedAt, now),
          offersOutstanding: c.offersOutstanding,
          ...(c.concern ? { concern: c.concern.kind } : {}),
        }))
        .sort((a, b) => b.waitSeconds - a.waitSeconds);
      return {
        channel,
        language,
        waiting: waiting.length,
        longestWaitSeconds: waiting[0]?.waitSeconds ?? null,
        contacts: waiting,
      };
    }),
    live: input.live
      .filter((c) => c.status !== 'ended' && c.liveUntil > now)
      .map((c) => {
        const volunteerName = c.volunteerId ? names.get(c.volunteerId) : undefined;
        return {
          contactId: c.contactId,
          reference: contactReference(c.contactId),
          channel: c.channel,
          language: c.language,
          status: c.status,
          ...(volunteerName ? { volunteerName } : {}),
          seconds: seconds(c.answeredAt ?? c.startedAt, now),
          ...(c.concern ? { concern: c.concern.kind } : {}),
        };
      }),
  };
}
