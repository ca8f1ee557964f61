// The records the line keeps: contacts (live state and anonymized log in one), volunteers, offers.
import type { ConcernKind } from './crisis/crisis-types.js';
import type { Overflow } from './line-settings.js';
import type { Language } from './replies.js';

export type Channel = 'voice' | 'sms';

/**
 * greeting -> queued -> connected (a volunteer accepted) -> ended.
 * Any live status may also go straight to ended (hang-up, overflow, escalation).
 */
export type ContactStatus = 'greeting' | 'queued' | 'connected' | 'ended';
export const LIVE_STATUSES: readonly ContactStatus[] = ['greeting', 'queued', 'connected'];

export type ContactOutcome =
  | 'completed'
  | 'abandoned'
  | 'overflowed'
  | 'escalated'
  | 'after-hours'
  | 'unstaffed'
  | 'blocked'
  | 'text-back'
  /** A waiting text or text-back request nobody accepted within the wait: told so, with the crisis options. */
  | 'unanswered'
  /** The caller asked for a text back, but Twilio refused the text to their number (a landline, say). */
  | 'unreachable';

export type EscalationTrigger = 'caller-key' | 'caller-language' | 'volunteer' | 'texter-language';

export interface Escalation {
  readonly trigger: EscalationTrigger;
  /** The detector's kind, or 'keypress'; never the words that triggered it. */
  readonly kind: string;
  readonly at: number;
}

/** Words of concern without a clear present risk: the volunteer is asked to check, the contact goes first. */
export interface Concern {
  readonly kind: ConcernKind;
  readonly at: number;
}

export interface Contact {
  readonly contactId: string;
  readonly channel: Channel;
  readonly language: Language;
  readonly status: ContactStatus;
  readonly outcome?: ContactOutcome;
  /** HMAC of the caller's number: stable per caller, useless without the pepper. */
  readonly callerKey: string;
  /** The caller's number, AES-GCM sealed; removed when the contact ends. */
  readonly callerSealed?: string;
  /** Twilio CallSid of the caller's leg (voice only). */
  readonly callSid?: string;
  readonly startedAt: number;
  readonly queuedAt?: number;
  readonly answeredAt?: number;
  readonly endedAt?: number;
  readonly volunteerId?: string;
  readonly escalation?: Escalation;
  /** Set once, by the first message or speech the detector found words of concern in. */
  readonly concern?: Concern;
  /** Offers ringing right now; the dispatcher starts a new round only at zero. */
  readonly offersOutstanding: number;
  readonly offerRound: number;
  /** Contacts from the same callerKey in the 30 days before this one, counted as it starts. */
  readonly repeatCount?: number;
  readonly messageCount?: number;
  /** Live state is void after this instant (epoch ms), whatever TTL has or has not deleted. */
  readonly liveUntil: number;
  /** Fixed when queued, so the hold loop needs no settings read. */
  readonly overflowAt?: number;
  readonly overflow?: Overflow;
  readonly holdLoopSeconds?: number;
  /** The hold clip and its length, fixed when queued like the hold loop. */
  readonly holdAudio?: { readonly url: string; readonly seconds: number };
  /** Text conversations: the volunteer's number, sealed, so a relay needs no second read. */
  readonly volunteerPhoneSealed?: string;
  /** Text conversations: the tag the volunteer knows this conversation by. */
  readonly tag?: string;
  readonly lastActivityAt?: number;
  /** Text conversations: MessageSids already relayed, so a replayed webhook relays nothing. */
  readonly relayedSids?: readonly string[];
  /**
   * A warm transfer's crisis leg has ended: `joined` says whether the counsellor was ever in the room. Removed
   * when the volunteer adds the crisis line again.
   */
  readonly crisisLegEnded?: { readonly joined: boolean; readonly at: number };
  /** A waiting texter's messages, sealed, until a volunteer accepts and receives them; then removed. */
  readonly pendingSealed?: readonly string[];
  /** Text conversations: the volunteer who passed it on, who is not offered it again. */
  readonly passedBy?: string;
  /** The passing volunteer's short note for the next one, sealed, until that one accepts; then removed. */
  readonly passSummarySealed?: string;
  /** A caller asked to be texted back: the line writes first once a volunteer accepts. */
  readonly textBack?: boolean;
  /** Wrap-up codes the volunteer recorded (ids from the line's lists, never words), once, at `wrapUpAt`. */
  readonly topics?: readonly string[];
  readonly referral?: string;
  readonly safetyConcern?: boolean;
  readonly wrapUpAt?: number;
  /** Text conversations: a coordinator reads along in the console until this instant (flows/supervision). */
  readonly readAlongUntil?: number;
  /** The recent messages for that reader, each sealed, capped; dropped with the live state when it ends. */
  readonly readAlongSealed?: readonly string[];
}

/** Who a phone number is to the line, found by its keyed hash (never by the number itself). */
export interface PhoneRecord {
  readonly phoneKey: string;
  readonly volunteerId?: string;
  /** The texter's open conversation, if any. */
  readonly contactId?: string;
  /** The number texted STOP: nothing more is sent to it until START. */
  readonly optedOut?: boolean;
  /** A post-contact survey may be waiting for this number's answer until then (the survey item says). */
  readonly surveyUntil?: number;
}

export type VolunteerState = 'available' | 'offered' | 'busy' | 'wrapup' | 'paused';

export interface Volunteer {
  readonly volunteerId: string;
  readonly name: string;
  readonly phoneSealed: string;
  readonly phoneKey: string;
  readonly languages: readonly Language[];
  readonly active: boolean;
  readonly maxTextSessions: number;
  readonly notes?: string;
  /** May listen in on and coach live calls, and is texted when a volunteer asks for SUPPORT. */
  readonly supervisor?: boolean;
  readonly onShift: boolean;
  readonly state: VolunteerState;
  /** When the volunteer last became free: longest idle is offered first. */
  readonly idleSince: number;
  readonly wrapUntil?: number;
  readonly missedOffers: number;
  /** The voice contact a volunteer is being offered or is talking on. */
  readonly contactId?: string;
  /** Open text conversations by tag (`A`, `B`, ...), each a contact id. */
  readonly textSessions?: Readonly<Record<string, string>>;
  /** The tag an untagged reply goes to: the conversation most recently opened or written to. */
  readonly latestTag?: string;
  /** The text conversation this volunteer has been offered and may ACCEPT. */
  readonly textOffer?: string;
  /** Ended text conversations still waiting for this volunteer's wrap-up codes, by the tag they had. */
  readonly wrapUpDue?: Readonly<Record<string, string>>;
  readonly version: number;
}

export type OfferStatus = 'ringing' | 'accepted' | 'released';

export interface Offer {
  readonly contactId: string;
  readonly volunteerId: string;
  readonly channel: Channel;
  readonly callSid?: string;
  readonly status: OfferStatus;
  readonly offeredAt: number;
}

/** Why an offer ended without this volunteer: another took it, the caller or texter left, or it ended otherwise. */
export type ReleaseReason = 'taken' | 'left' | 'gone';

/** Why a contact is no longer on offer, read from the contact itself (a webhook has no event to go by). */
export function releaseReasonOf(contact: Contact | undefined): ReleaseReason {
  if (contact?.status === 'connected') return 'taken';
  if (contact?.status !== 'ended') return 'gone';
  if (contact.outcome === 'abandoned') return 'left';
  return contact.volunteerId ? 'taken' : 'gone';
}

/**
 * The phone leg of a contact's volunteer. Not "the accepted offer": a ring group's write that lands after a
 * quick key press shows the winner's offer as ringing again, so the contact's volunteer is what names it.
 */
export function peerLegOf(offers: readonly Offer[], volunteerId: string | undefined): Offer | undefined {
  return offers.find(
    (offer) =>
      offer.volunteerId === volunteerId &&
      offer.channel === 'voice' &&
      offer.status !== 'released' &&
      offer.callSid !== undefined,
  );
}

/** A volunteer is free for a new voice contact: available, or past the end of wrap-up. */
export function isFreeForVoice(volunteer: Volunteer, now: number): boolean {
  if (!volunteer.active || !volunteer.onShift) return false;
  if (volunteer.state === 'available') return true;
  return volunteer.state === 'wrapup' && (volunteer.wrapUntil ?? 0) <= now;
}

export function isLive(contact: Contact, now: number): boolean {
  return contact.status !== 'ended' && contact.liveUntil > now;
}

/** What a clinician's CALL <reference> needs: the texter's number, sealed, for a few hours only. */
export interface EscalationRef {
  readonly reference: string;
  readonly contactId: string;
  readonly callerSealed: string;
  /** Void after this instant (epoch ms), whatever TTL has or has not deleted. */
  readonly liveUntil: number;
}
